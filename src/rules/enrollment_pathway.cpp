#include "rules/enrollment_pathway.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/czech_calendar.hpp"

namespace kredo::rules {

namespace {

constexpr std::array<std::string_view, 3> kMethodNames = {"data_box", "post", "in_person"};

std::string window_basis_cs(SchoolLevel level, bool is_default) {
  std::string s = level == SchoolLevel::zs
                      ? "Zápis do 1. ročníku ZŠ probíhá od 1. do 30. dubna, dny určí ředitel (§ 36 odst. 4 zákona "
                        "č. 561/2004 Sb., školský zákon)"
                      : "Zápis do MŠ (§ 34 odst. 2 školského zákona): 2.–16. května do roku 2025, od roku 2026 "
                        "15. března – 15. dubna (novela; číslo zákona neověřeno)";
  s += is_default ? "; výchozí termín, tabulka zápisů jej neobsahuje" : "; termín z tabulky zápisů (upravuje koordinátor)";
  return s;
}

std::string window_basis_en(SchoolLevel level, bool is_default) {
  std::string s = level == SchoolLevel::zs
                      ? "ZŠ first-grade zápis runs 1–30 April, the director picks the days (Act No. 561/2004 Coll., "
                        "Education Act, s. 36(4))"
                      : "MŠ zápis (Education Act s. 34(2)): 2–16 May until 2025, from 2026 15 March – 15 April "
                        "(amendment; act number unconfirmed)";
  s += is_default ? "; default window, not in the zápis table" : "; window from the zápis table (edited by a coordinator)";
  return s;
}

bool in_calendar(Date d) { return is_supported_calendar_year(d.year()) && is_supported_calendar_year(d.year() + 1); }

Status calendar_check(Date d, const char* field) {
  if (!in_calendar(d))
    return Error::field(field, fmt::format("Dates must lie between {} and {}.", kFirstCalendarYear, kLastCalendarYear - 1));
  return {};
}

}  // namespace

std::optional<EnrollmentStage> parse_enrollment_stage(std::string_view s) {
  for (std::size_t i = 0; i < kEnrollmentStageNames.size(); ++i)
    if (kEnrollmentStageNames[i] == s) return static_cast<EnrollmentStage>(i);
  return std::nullopt;
}

std::string_view wire_name(EnrollmentStage s) { return kEnrollmentStageNames[static_cast<std::size_t>(s)]; }
int stage_index(EnrollmentStage s) { return static_cast<int>(s); }

bool is_enrollment_level(std::string_view s) {
  return std::find(kEnrollmentLevels.begin(), kEnrollmentLevels.end(), s) != kEnrollmentLevels.end();
}

SchoolLevel zapis_level(std::string_view level) { return level == "zs" ? SchoolLevel::zs : SchoolLevel::ms; }

std::optional<DeliveryMethod> parse_delivery_method(std::string_view s) {
  for (std::size_t i = 0; i < kMethodNames.size(); ++i)
    if (kMethodNames[i] == s) return static_cast<DeliveryMethod>(i);
  return std::nullopt;
}

std::string_view wire_name(DeliveryMethod m) { return kMethodNames[static_cast<std::size_t>(m)]; }

Date add_months(Date d, int months) {
  int total = d.year() * 12 + (d.month() - 1) + months;
  int y = total / 12, m = total % 12 + 1;
  int day = std::min(d.day(), days_in_month(y, m));
  return *Date::from_ymd(y, m, day);
}

Result<DeliveryOutcome> effective_delivery(DeliveryMethod method, Date date, std::optional<Date> collected) {
  KREDO_TRY(calendar_check(date, "date"));
  if (collected && *collected < date)
    return Error::field("collected_date", "The document cannot be collected before it arrived or was deposited.");
  DeliveryOutcome o;
  o.method = method;
  o.date = date;
  o.collected = collected;
  if (method == DeliveryMethod::in_person) {
    o.delivered = date;
    o.basis_cs = fmt::format("Převzato osobně {} proti podpisu: doručeno tímto dnem (§ 19 a § 20 správního řádu)",
                             date.czech());
    o.basis_en = fmt::format("Handed over in person on {} against a signature: delivered that day "
                             "(Administrative Procedure Code ss. 19 and 20)", date.english());
    return o;
  }
  if (method == DeliveryMethod::data_box) {
    auto fiction = data_box_deemed_delivery(date);
    if (!fiction) return Error::field("date", fiction.error().message);
    if (collected && *collected < fiction->delivered) {
      o.delivered = *collected;
      o.basis_cs = fmt::format("Datová zpráva dodána {}, přihlášení do schránky {}: doručeno okamžikem přihlášení "
                               "(§ 17 odst. 3 zákona č. 300/2008 Sb.)", date.czech(), collected->czech());
      o.basis_en = fmt::format("Data-box message arrived on {}, the box was opened on {}: delivered at login "
                               "(Act No. 300/2008 Coll. s. 17(3))", date.english(), collected->english());
      return o;
    }
    o.delivered = fiction->delivered;
    o.by_fiction = true;
    o.basis_cs = fiction->basis_cs;
    o.basis_en = fiction->basis_en;
    return o;
  }
  auto fiction = postal_deemed_delivery(date);
  if (!fiction) return Error::field("date", fiction.error().message);
  if (collected && *collected < fiction->delivered) {
    o.delivered = *collected;
    o.basis_cs = fmt::format("Písemnost uložena {}, vyzvednuta {}: doručeno převzetím (§ 24 odst. 1 správního řádu)",
                             date.czech(), collected->czech());
    o.basis_en = fmt::format("Postal item deposited on {}, collected on {}: delivered on collection "
                             "(Administrative Procedure Code s. 24(1))", date.english(), collected->english());
    return o;
  }
  o.delivered = fiction->delivered;
  o.by_fiction = true;
  o.disputed = fiction->disputed;
  o.alternative = fiction->alternative;
  o.basis_cs = fiction->basis_cs;
  o.basis_en = fiction->basis_en;
  return o;
}

Result<Pathway> compute_pathway(const PathwayInput& in) {
  Pathway p;
  const SchoolLevel zl = zapis_level(in.level);
  const bool no_decision = !in.decision.has_value();
  if (in.zapis_window) {
    p.dates.push_back({"zapis_window_from", in.zapis_window->from, window_basis_cs(zl, in.zapis_window_is_default),
                       window_basis_en(zl, in.zapis_window_is_default), false, std::nullopt});
    p.dates.push_back({"zapis_window_to", in.zapis_window->to, window_basis_cs(zl, in.zapis_window_is_default),
                       window_basis_en(zl, in.zapis_window_is_default), false, std::nullopt});
    if (!in.application_date && no_decision) p.tasks.push_back({"zapis_window_opens", in.zapis_window->from});
    if (in.level == "zs" && in.deferral_considered && no_decision)
      p.tasks.push_back({"deferral_papers", in.zapis_window->from});
  }
  if (in.birth_date && in.birth_date->year() < 9980) {
    const Date b = *in.birth_date;
    p.dates.push_back({"compulsory_preschool_start", compulsory_preschool_start(b),
                       "Povinné předškolní vzdělávání od 1. září po dovršení 5 let (§ 34a odst. 1 školského zákona)",
                       "Compulsory pre-school education from 1 September after the 5th birthday (Education Act "
                       "s. 34a(1))", false, std::nullopt});
    p.dates.push_back({"zs_start", zs_start(b),
                       "Povinná školní docházka od 1. září po dovršení 6 let (§ 36 odst. 3 školského zákona)",
                       "Compulsory school attendance from 1 September after the 6th birthday (Education Act "
                       "s. 36(3))", false, std::nullopt});
    p.dates.push_back({"latest_deferred_start", latest_zs_start_with_odklad(b),
                       "Odklad nejdéle do školního roku, v němž dítě dovrší 8 let (§ 37 školského zákona); žádost "
                       "písemně při zápisu s doporučením PPP/SPC a lékaře nebo klinického psychologa",
                       "Deferral at most until the school year in which the child turns 8 (Education Act s. 37); "
                       "written request at zápis with recommendations of a PPP/SPC and of a doctor or clinical "
                       "psychologist", false, std::nullopt});
  }
  if (in.delivery_method && in.delivery_date) {
    auto d = effective_delivery(*in.delivery_method, *in.delivery_date, in.collected_date);
    if (!d) return std::move(d).error();
    p.delivery = *d;
    p.dates.push_back({"delivered", d->delivered, d->basis_cs, d->basis_en, d->disputed, d->alternative});
    if (in.decision == std::optional<std::string>("not_admitted")) {
      auto dl = appeal_deadline(d->delivered);
      if (!dl) return Error::field("date", dl.error().message);
      p.appeal_deadline = *dl;
      p.dates.push_back({"appeal_deadline", dl->last_day,
                         "Odvolání k řediteli školy, rozhoduje Krajský úřad Jihomoravského kraje: " + dl->basis_cs,
                         "Appeal filed with the director, decided by the South Moravian Regional Authority: " +
                             dl->basis_en,
                         d->disputed, std::nullopt});
      if (in.appeal_filed) p.appeal_late = *in.appeal_filed > dl->last_day;
      else p.tasks.push_back({"appeal_deadline", dl->last_day});
    }
  }
  if (in.started) {
    const Date c3 = add_months(*in.started, 3), c12 = add_months(*in.started, 12);
    p.dates.push_back({"check_3_months", c3,
                       "Pravidlo programu KREDO (ne zákon): ověřit docházku 3 měsíce po nástupu",
                       "KREDO programme rule (not law): check attendance 3 months after the start", false,
                       std::nullopt});
    p.dates.push_back({"check_12_months", c12,
                       "Pravidlo programu KREDO (ne zákon): ověřit docházku 12 měsíců po nástupu",
                       "KREDO programme rule (not law): check attendance 12 months after the start", false,
                       std::nullopt});
    if (!in.check_3_recorded) p.tasks.push_back({"check_3_months", c3});
    else if (!in.check_12_recorded) p.tasks.push_back({"check_12_months", c12});
  }
  return p;
}

Status check_stage_dates(const PathwayInput& in, EnrollmentStage stage, Date date) {
  KREDO_TRY(calendar_check(date, "date"));
  using S = EnrollmentStage;
  switch (stage) {
    case S::application_filed:
      if (in.decision_date && date > *in.decision_date)
        return Error::field("date", fmt::format("The application cannot be filed after the decision ({}).",
                                                in.decision_date->iso()));
      break;
    case S::decision:
      if (in.application_date && date < *in.application_date)
        return Error::field("date", fmt::format("The decision is dated before the application was filed ({}).",
                                                in.application_date->iso()));
      if (in.delivery_date && date > *in.delivery_date)
        return Error::field("date", "The decision cannot be dated after its delivery.");
      break;
    case S::delivery:
      if (!in.decision_date) return Error::field("stage", "Record the decision before its delivery.");
      if (date < *in.decision_date)
        return Error::field("date", fmt::format("A decision cannot be delivered before it was issued ({}).",
                                                in.decision_date->iso()));
      break;
    case S::appeal:
      if (in.decision != std::optional<std::string>("not_admitted"))
        return Error::field("stage", "An appeal follows a decision not to admit the child.");
      if (!in.delivery_date) return Error::field("stage", "Record the delivery of the decision before the appeal.");
      if (date < *in.decision_date)
        return Error::field("date", fmt::format("An appeal cannot be filed before the decision ({}).",
                                                in.decision_date->iso()));
      break;
    case S::started_attending:
      if (in.decision_date && date < *in.decision_date)
        return Error::field("date", "Attendance cannot start before the decision.");
      break;
    case S::attending_3_months:
    case S::attending_12_months:
      if (!in.started) return Error::field("stage", "Record the start of attendance first.");
      if (date < *in.started) return Error::field("date", "A check cannot be before the start of attendance.");
      break;
    default:
      break;
  }
  return {};
}

}  // namespace kredo::rules
