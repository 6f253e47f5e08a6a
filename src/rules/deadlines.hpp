// Deadlines under správní řád (zákon 500/2004 Sb.) §40 and delivery by fiction, each returned
// with a Czech and English basis that a worker can check and a parent can read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "rules/date.hpp"

namespace kredo::rules {

// Days of a period: only day-based periods are modelled (§40(1)(a): the period starts the day
// after the event; the event day is not counted). Week/month periods are out of scope.
inline constexpr int kAppealDays = 15;             // odvolání, §83(1)
inline constexpr int kComplaintHandlingDays = 60;  // stížnost: the authority's time to deal with it, §175(5)
inline constexpr int kDeliveryFictionDays = 10;    // data box (300/2008 Sb. §17(4)); post (§24(1))
inline constexpr int kMaxDeadlineDays = 3660;

// A non-working day a period's end was moved over, with the reason in both languages.
struct SkippedDay {
  Date date;
  std::string reason_cs;  // "3. 5. 2025 je sobota"
  std::string reason_en;  // "3 May 2025 is a Saturday"
};

struct Deadline {
  Date event;             // the triggering day (delivery …), not counted
  int days = 0;
  Date nominal_last_day;  // event + days
  Date last_day;          // moved to a working day per §40(1)(c); the act is in time on this day
  std::vector<SkippedDay> skipped;
  std::string basis_cs;
  std::string basis_en;

  bool shifted() const { return last_day != nominal_last_day; }
};

// A §40 period of `days` days after `event`. Errors (field errors on "event" / "days") for a
// non-positive or absurd length and for dates outside the supported holiday calendar.
Result<Deadline> deadline_after(Date event, int days);

// Appeal against a decision (e.g. non-admission to MŠ/ZŠ): 15 days from delivery (§83(1)).
// A decision without (correct) instructions on appeal has longer limits (§83(2)) — not modelled.
Result<Deadline> appeal_deadline(Date delivered);

// §175 complaint: the statute sets no filing period; the 60 days are the authority's time to deal
// with the complaint from its receipt (§175(5), may be exceeded when evidence cannot be obtained).
Result<Deadline> complaint_handling_deadline(Date complaint_received);

enum class DeliveryChannel { data_box, postal_deposit };

// When a document counts as delivered although nobody opened / collected it (doručení fikcí).
struct DeemedDelivery {
  DeliveryChannel channel = DeliveryChannel::data_box;
  Date start;       // message arrived in the data box / item deposited at the post office
  Date tenth_day;   // start + 10, before any shift
  Date delivered;   // the date we use: feed it into appeal_deadline
  // Post only: the other reading of a disputed case (the 10th day moved to a working day).
  std::optional<Date> alternative;
  // True when courts disagree on this very case; a worker must confirm the date.
  bool disputed = false;
  std::vector<SkippedDay> skipped;
  std::string basis_cs;
  std::string basis_en;
};

// Data box message not opened: delivered on the 10th day after it arrived (300/2008 Sb. §17(4)).
// Courts apply the §40(1)(c) shift to this 10th day, so a weekend/holiday moves it.
Result<DeemedDelivery> data_box_deemed_delivery(Date arrived);

// Postal item deposited and not collected: delivered on the 10th day after deposit (§24(1)).
// Whether a non-working 10th day shifts is disputed in case law: `delivered` is the unshifted
// (earlier) day, so an appeal counted from it is never late; `alternative` holds the shifted day
// and `disputed` is set whenever the two differ.
Result<DeemedDelivery> postal_deemed_delivery(Date deposited);

}  // namespace kredo::rules
