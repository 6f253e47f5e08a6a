// The enrollment pathway of one child and school year (zápis → decision → delivery → appeal →
// attendance), as pure rules: the stage order, the checks between stage dates, the effective date
// of delivery (in person, or by fiction for a data box / post) and every date the pathway computes,
// each with its legal basis in Czech and English, and the tasks that follow from them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "rules/date.hpp"
#include "rules/deadlines.hpp"
#include "rules/school_age.hpp"

namespace kredo::rules {

// In pathway order. "appeal" is only reached after a non-admission.
enum class EnrollmentStage {
  preparation,
  application_filed,
  zapis_attended,
  decision,
  delivery,
  appeal,
  started_attending,
  attending_3_months,
  attending_12_months,
};
inline constexpr std::array<std::string_view, 9> kEnrollmentStageNames = {
    "preparation", "application_filed", "zapis_attended",     "decision",           "delivery",
    "appeal",      "started_attending", "attending_3_months", "attending_12_months"};
std::optional<EnrollmentStage> parse_enrollment_stage(std::string_view s);
std::string_view wire_name(EnrollmentStage s);
int stage_index(EnrollmentStage s);

// ms = MŠ (from age 3); compulsory_preschool = the compulsory pre-school year (§34a);
// zs = first grade of a ZŠ. The zápis level of the first two is MŠ.
inline constexpr std::array<std::string_view, 3> kEnrollmentLevels = {"ms", "compulsory_preschool", "zs"};
bool is_enrollment_level(std::string_view s);
SchoolLevel zapis_level(std::string_view enrollment_level);

inline constexpr std::array<std::string_view, 4> kDecisions = {"admitted", "not_admitted", "deferral_granted",
                                                                "withdrawn"};
inline constexpr std::array<std::string_view, 4> kApplicationChannels = {"portal", "in_person", "data_box", "post"};
inline constexpr std::array<std::string_view, 4> kAppealOutcomes = {"pending", "granted", "rejected", "withdrawn"};

enum class DeliveryMethod { data_box, post, in_person };
std::optional<DeliveryMethod> parse_delivery_method(std::string_view s);
std::string_view wire_name(DeliveryMethod m);

// Calendar months later; a day that the target month lacks becomes its last day (31 Jan + 1 = 28/29 Feb).
Date add_months(Date d, int months);

// When a decision counts as delivered. `date` is the day of handover (in person), of arrival in the
// data box, or of deposit at the post office; `collected` the day somebody logged in / collected it.
struct DeliveryOutcome {
  DeliveryMethod method = DeliveryMethod::in_person;
  Date date;
  std::optional<Date> collected;
  Date delivered;
  bool by_fiction = false;
  bool disputed = false;             // courts disagree (post, non-working 10th day): worker confirms
  std::optional<Date> alternative;   // the other reading when disputed
  std::string basis_cs, basis_en;
};
// Field errors on "collected_date" (before `date`) and "date" (outside the holiday calendar).
Result<DeliveryOutcome> effective_delivery(DeliveryMethod method, Date date, std::optional<Date> collected);

// One computed date of a pathway with its basis.
struct ComputedDate {
  std::string key;  // zapis_window_from, zapis_window_to, compulsory_preschool_start, zs_start,
                    // latest_deferred_start, delivered, appeal_deadline, check_3_months, check_12_months
  Date date;
  std::string basis_cs, basis_en;
  bool disputed = false;
  std::optional<Date> alternative;
};

// A task the pathway asks for, due on a date. kinds: zapis_window_opens, deferral_papers,
// appeal_deadline, check_3_months, check_12_months.
struct TaskDue {
  std::string kind;
  Date due;
};

struct PathwayInput {
  std::string level = "zs";
  SchoolYear school_year;
  std::optional<Date> birth_date;
  std::optional<ZapisWindow> zapis_window;
  bool zapis_window_is_default = false;
  bool deferral_considered = false;
  std::optional<Date> application_date;
  std::optional<std::string> decision;
  std::optional<Date> decision_date;
  std::optional<DeliveryMethod> delivery_method;
  std::optional<Date> delivery_date, collected_date;
  std::optional<Date> appeal_filed;
  std::optional<Date> started;
  bool check_3_recorded = false;
  bool check_12_recorded = false;
};

struct Pathway {
  std::vector<ComputedDate> dates;
  std::optional<DeliveryOutcome> delivery;
  std::optional<Deadline> appeal_deadline;
  bool appeal_late = false;
  std::vector<TaskDue> tasks;
};

// Every computed date of the pathway and the open tasks it implies. Errors only for dates outside
// the supported holiday calendar (field errors).
Result<Pathway> compute_pathway(const PathwayInput& in);

// The checks between the dates of stages. `stage` is being recorded on `date` for a case whose
// other stage dates are in `in`. Field errors name the request field ("date", "stage").
Status check_stage_dates(const PathwayInput& in, EnrollmentStage stage, Date date);

}  // namespace kredo::rules
