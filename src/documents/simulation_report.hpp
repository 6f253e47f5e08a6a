// The comparison report of `kredo simulate`: what each admission mechanism would do to segregation,
// first choices, unassigned children and travel, side by side — as a self-contained HTML page (inline
// SVG charts, printable, no scripts) or as an A4 PDF. Czech, for the people the organisation argues with.
#pragma once

#include <string>

#include "analytics/simulation.hpp"

namespace kredo::documents {

std::string simulation_report_html(const analytics::Scenario& scenario, const analytics::SimulationResult& result);
std::string simulation_report_pdf(const analytics::Scenario& scenario, const analytics::SimulationResult& result);

// Czech name of a mechanism as used in the report ("Odložené přijetí (DA)").
std::string mechanism_czech_name(analytics::SimMechanism m);

}  // namespace kredo::documents
