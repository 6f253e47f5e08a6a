// §40 counting on the Czech holiday calendar, and the texts that explain each computed date.
#include "rules/deadlines.hpp"

#include <string_view>

#include <fmt/format.h>

#include "rules/czech_calendar.hpp"

namespace kredo::rules {
namespace {

// The wording that differs between kinds of deadline; the counting is always the same.
struct Wording {
  std::string_view from_cs;  // "od doručení" (followed by the date)
  std::string_view from_en;  // "from delivery on"
  std::string_view note_cs;  // legal basis, closes the Czech text
  std::string_view note_en;
};

constexpr Wording kGenericWording = {
    "od", "from",
    "den události se nepočítá; konec lhůty připadající na sobotu, neděli nebo svátek se posouvá na "
    "nejbližší pracovní den – § 40 odst. 1 správního řádu",
    "the day of the event is not counted; an end falling on a Saturday, Sunday or public holiday moves to "
    "the next working day – Administrative Procedure Code s. 40(1)"};

constexpr Wording kAppealWording = {
    "od doručení", "from delivery on",
    "den doručení se nepočítá; § 83 odst. 1 a § 40 odst. 1 zákona č. 500/2004 Sb., správní řád",
    "the day of delivery is not counted; Act No. 500/2004 Coll., Administrative Procedure Code, "
    "s. 83(1) and s. 40(1)"};

constexpr Wording kComplaintWording = {
    "od doručení stížnosti", "from receipt of the complaint on",
    "lhůta správního orgánu k vyřízení stížnosti; den doručení se nepočítá; § 175 odst. 5 a § 40 odst. 1 "
    "správního řádu",
    "the authority's time to deal with the complaint; the day of receipt is not counted; Administrative "
    "Procedure Code s. 175(5) and s. 40(1)"};

// Czech counts: 1 den, 2–4 dny, 5+ dní.
std::string czech_days(int n) {
  if (n == 1) return "1 den";
  if (n >= 2 && n <= 4) return fmt::format("{} dny", n);
  return fmt::format("{} dní", n);
}

std::string english_days(int n) { return n == 1 ? "1 day" : fmt::format("{} days", n); }

std::string cs_weekday_date(Date d) { return fmt::format("{} {}", czech_weekday_name(d.weekday()), d.czech()); }
std::string en_weekday_date(Date d) { return fmt::format("{} {}", english_weekday_name(d.weekday()), d.english()); }

SkippedDay explain_non_working_day(Date d) {
  const auto holiday = public_holiday_on(d);
  const bool weekend = is_weekend(d);
  const std::string_view wd_cs = czech_weekday_name(d.weekday());
  const std::string_view wd_en = english_weekday_name(d.weekday());
  if (holiday && weekend) {
    return {d, fmt::format("{} je {} a svátek ({})", d.czech(), wd_cs, holiday->name_cs),
            fmt::format("{} is a {} and a public holiday ({})", d.english(), wd_en, holiday->name_en)};
  }
  if (holiday) {
    return {d, fmt::format("{} je svátek ({})", d.czech(), holiday->name_cs),
            fmt::format("{} is a public holiday ({})", d.english(), holiday->name_en)};
  }
  return {d, fmt::format("{} je {}", d.czech(), wd_cs), fmt::format("{} is a {}", d.english(), wd_en)};
}

// Moves `day` to a working day, recording every day skipped.
Date shift_to_working_day(Date day, std::vector<SkippedDay>& skipped) {
  while (!is_working_day(day)) {
    skipped.push_back(explain_non_working_day(day));
    day = day.add_days(1);
  }
  return day;
}

std::string join_reasons(const std::vector<SkippedDay>& skipped, bool czech) {
  std::string out;
  for (const auto& s : skipped) {
    if (!out.empty()) out += ", ";
    out += czech ? s.reason_cs : s.reason_en;
  }
  return out;
}

// The calendar knows holidays for kFirstCalendarYear..kLastCalendarYear only; a period must
// start and (with the longest possible shift, five days) end inside it.
Status check_in_calendar(Date event, int days, const char* field) {
  const auto outside = [&] {
    return Error::field(field, fmt::format("Deadlines can be computed for dates from 1 Jan {} to 31 Dec {} only.",
                                           kFirstCalendarYear, kLastCalendarYear));
  };
  if (!is_supported_calendar_year(event.year())) return outside();
  if (!is_supported_calendar_year(event.add_days(days + 7).year())) return outside();
  return {};
}

Result<Deadline> count_deadline(Date event, int days, const Wording& w, const char* event_field) {
  if (days < 1 || days > kMaxDeadlineDays) {
    return Error::field("days", fmt::format("A deadline must be 1 to {} days long.", kMaxDeadlineDays));
  }
  KREDO_TRY(check_in_calendar(event, days, event_field));

  Deadline d;
  d.event = event;
  d.days = days;
  d.nominal_last_day = event.add_days(days);
  d.last_day = shift_to_working_day(d.nominal_last_day, d.skipped);

  if (d.skipped.empty()) {
    d.basis_cs = fmt::format("{} {} {} → {} ({})", czech_days(days), w.from_cs, event.czech(),
                             cs_weekday_date(d.last_day), w.note_cs);
    d.basis_en = fmt::format("{} {} {} → {} ({})", english_days(days), w.from_en, event.english(),
                             en_weekday_date(d.last_day), w.note_en);
  } else {
    d.basis_cs = fmt::format("{} {} {} → {}; {} → {} ({})", czech_days(days), w.from_cs, event.czech(),
                             d.nominal_last_day.czech(), join_reasons(d.skipped, true),
                             cs_weekday_date(d.last_day), w.note_cs);
    d.basis_en = fmt::format("{} {} {} → {}; {} → {} ({})", english_days(days), w.from_en, event.english(),
                             d.nominal_last_day.english(), join_reasons(d.skipped, false),
                             en_weekday_date(d.last_day), w.note_en);
  }
  return d;
}

}  // namespace

Result<Deadline> deadline_after(Date event, int days) { return count_deadline(event, days, kGenericWording, "event"); }

Result<Deadline> appeal_deadline(Date delivered) {
  return count_deadline(delivered, kAppealDays, kAppealWording, "delivered");
}

Result<Deadline> complaint_handling_deadline(Date complaint_received) {
  return count_deadline(complaint_received, kComplaintHandlingDays, kComplaintWording, "complaint_received");
}

Result<DeemedDelivery> data_box_deemed_delivery(Date arrived) {
  KREDO_TRY(check_in_calendar(arrived, kDeliveryFictionDays, "arrived"));
  DeemedDelivery r;
  r.channel = DeliveryChannel::data_box;
  r.start = arrived;
  r.tenth_day = arrived.add_days(kDeliveryFictionDays);
  r.delivered = shift_to_working_day(r.tenth_day, r.skipped);

  constexpr std::string_view kLawCs =
      "§ 17 odst. 4 zákona č. 300/2008 Sb.; soudy na konec této desetidenní lhůty použijí posun podle § 40 "
      "odst. 1 písm. c) správního řádu";
  constexpr std::string_view kLawEn =
      "Act No. 300/2008 Coll. s. 17(4); courts apply the working-day shift of Administrative Procedure Code "
      "s. 40(1)(c) to the end of this ten-day period";
  if (r.skipped.empty()) {
    r.basis_cs = fmt::format(
        "Datová zpráva dodána {}, nikdo se do schránky nepřihlásil: doručena fikcí 10. dnem, tj. {} ({})",
        arrived.czech(), cs_weekday_date(r.delivered), kLawCs);
    r.basis_en = fmt::format(
        "Data-box message arrived on {} and was not opened: deemed delivered on the 10th day, {} ({})",
        arrived.english(), en_weekday_date(r.delivered), kLawEn);
  } else {
    r.basis_cs = fmt::format(
        "Datová zpráva dodána {}, nikdo se do schránky nepřihlásil: 10. den je {}; {} → dnem doručení je {} ({})",
        arrived.czech(), r.tenth_day.czech(), join_reasons(r.skipped, true), cs_weekday_date(r.delivered),
        kLawCs);
    r.basis_en = fmt::format(
        "Data-box message arrived on {} and was not opened: the 10th day is {}; {} → deemed delivered on {} ({})",
        arrived.english(), r.tenth_day.english(), join_reasons(r.skipped, false), en_weekday_date(r.delivered),
        kLawEn);
  }
  return r;
}

Result<DeemedDelivery> postal_deemed_delivery(Date deposited) {
  KREDO_TRY(check_in_calendar(deposited, kDeliveryFictionDays, "deposited"));
  DeemedDelivery r;
  r.channel = DeliveryChannel::postal_deposit;
  r.start = deposited;
  r.tenth_day = deposited.add_days(kDeliveryFictionDays);
  r.delivered = r.tenth_day;
  const Date shifted = shift_to_working_day(r.tenth_day, r.skipped);

  constexpr std::string_view kLawCs = "§ 24 odst. 1 správního řádu";
  constexpr std::string_view kLawEn = "Administrative Procedure Code s. 24(1)";
  if (r.skipped.empty()) {
    r.basis_cs = fmt::format("Písemnost uložena {} a nevyzvednuta: doručena fikcí 10. dnem po uložení, tj. {} ({})",
                             deposited.czech(), cs_weekday_date(r.delivered), kLawCs);
    r.basis_en = fmt::format(
        "Postal item deposited on {} and not collected: deemed delivered on the 10th day after deposit, {} ({})",
        deposited.english(), en_weekday_date(r.delivered), kLawEn);
    return r;
  }
  r.alternative = shifted;
  r.disputed = true;
  r.basis_cs = fmt::format(
      "Písemnost uložena {} a nevyzvednuta: doručena fikcí 10. dnem po uložení, tj. {} ({}). {}: zda se konec "
      "této lhůty posouvá na nejbližší pracovní den ({}), je v judikatuře sporné. Počítáme s dřívějším dnem {}, aby "
      "lhůta k odvolání nebyla zmeškána; ověřte.",
      deposited.czech(), cs_weekday_date(r.delivered), kLawCs, r.skipped.front().reason_cs,
      cs_weekday_date(shifted), r.delivered.czech());
  r.basis_en = fmt::format(
      "Postal item deposited on {} and not collected: deemed delivered on the 10th day after deposit, {} ({}). "
      "{}: whether the end of this period moves to the next working day ({}) is disputed in case law. We use the earlier day, "
      "{}, so that the appeal period is not missed; please verify.",
      deposited.english(), en_weekday_date(r.delivered), kLawEn, r.skipped.front().reason_en,
      en_weekday_date(shifted), r.delivered.english());
  return r;
}

}  // namespace kredo::rules
