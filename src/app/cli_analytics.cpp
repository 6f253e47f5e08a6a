// kredo segregation | match | simulate: the analytics engines on the command line.
// Input problems print one line on stderr and exit 2; results go to stdout.
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "analytics/frequency_reader.hpp"
#include "analytics/matching.hpp"
#include "analytics/matching_json.hpp"
#include "analytics/simulation.hpp"
#include "analytics/segregation_report.hpp"
#include "app/cli.hpp"
#include "documents/simulation_report.hpp"

namespace kredo::app {

namespace {

int report_error(const char* command, const Error& error) {
  std::cerr << "kredo " << command << ": " << error.message << "\n";
  return error.code == ErrorCode::internal ? 1 : 2;
}

struct SegregationArgs {
  std::string input;
  std::string group;
  std::string unit;
  std::string weight;
  std::vector<std::string> within;
  std::vector<std::string> nested;
  std::vector<std::string> groups;
  bool local = false;
  bool no_exposure = false;
  int bootstrap = 0;
  std::uint64_t seed = 1;
  double ci = 0.95;
  std::string format = "json";
  char delimiter = ',';
};

int run_segregation(const SegregationArgs& args) {
  analytics::SegregationRequest request;
  request.group = args.group;
  request.unit = args.unit;
  request.within = args.within;
  request.nested = args.nested;
  if (!args.groups.empty()) {
    if (args.groups.size() != 2) {
      return report_error("segregation", Error::invalid_request("--groups needs exactly two groups, as A,B"));
    }
    request.d_groups = std::pair{args.groups[0], args.groups[1]};
  }
  request.local = args.local;
  request.exposure = !args.no_exposure;
  request.n_bootstrap = args.bootstrap;
  request.seed = args.seed;
  request.ci = args.ci;

  analytics::FrequencyCsvSpec spec;
  spec.categorical = analytics::request_columns(request);
  if (!args.weight.empty()) spec.weight = args.weight;
  spec.delimiter = args.delimiter;
  auto table = analytics::read_frequency_csv(args.input, spec);
  if (!table.ok()) return report_error("segregation", table.error());
  auto report = analytics::analyze_segregation(*table, request);
  if (!report.ok()) return report_error("segregation", report.error());
  if (args.format == "csv") {
    std::cout << analytics::to_csv(*report);
  } else {
    std::cout << analytics::to_json(*report).dump(2) << "\n";
  }
  return 0;
}

void add_segregation_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<SegregationArgs>();
  auto* cmd = app.add_subcommand(
      "segregation",
      "Segregation indices of long-format CSV data (one row per group x unit cell), defined as in the R package "
      "`segregation` (natural logs).\n"
      "Always: N, M (mutual information), H (M / entropy of the groups), isolation of every group and exposure of "
      "every group to every group (--no-exposure leaves the matrix out).\n"
      "  --groups A,B   adds D, the index of dissimilarity computed on those two groups only.\n"
      "  --within COL   adds the decomposition M = M(between COL) + M(unit | COL), with each category's M, p, H "
      "and entropy ratio; units are identified inside their category.\n"
      "  --nested A,B   adds the nested decomposition outer to inner (the unit is the innermost level); the "
      "levels add up to M and H.\n"
      "  --local        adds local segregation per unit: ls and p, with sum p*ls = M.\n"
      "  --bootstrap N  adds bootstrap estimates (multinomial resampling of the N individuals, seeded): the "
      "bias-corrected estimate 2*est - mean(boot), se, percentile interval and bias, for M, H, D and each "
      "decomposition term; M, H and D at the top level stay the plain estimates.\n"
      "Output: JSON object (default), or CSV with columns quantity,a,b,value and one row per number.\n"
      "Exit codes: 0 ok, 2 bad input (missing column, weight not a number >= 0, empty file, constant group "
      "or unit).");
  cmd->add_option("--input", args->input, "CSV file with a header row")->required();
  cmd->add_option("--group", args->group, "Column of the groups (e.g. ethnicity)")->required();
  cmd->add_option("--unit", args->unit, "Column of the units (e.g. school)")->required();
  cmd->add_option("--weight", args->weight, "Column of counts; without it every row counts once");
  cmd->add_option("--within", args->within, "Column(s) for the between/within decomposition")->delimiter(',');
  cmd->add_option("--nested", args->nested, "Columns outer to inner, e.g. state,district")->delimiter(',');
  cmd->add_option("--groups", args->groups, "Two groups for D, as A,B")->delimiter(',');
  cmd->add_flag("--local", args->local, "Add local segregation per unit");
  cmd->add_flag("--no-exposure", args->no_exposure,
                "Leave out the exposure matrix (groups x groups numbers; large when there are many groups)");
  cmd->add_option("--bootstrap", args->bootstrap, "Bootstrap iterations (0 = none)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", args->seed, "Seed of the bootstrap's random numbers")->capture_default_str();
  cmd->add_option("--ci", args->ci, "Level of the bootstrap percentile interval")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  cmd->add_option("--delimiter", args->delimiter, "Field delimiter of the input CSV")->capture_default_str();
  cmd->callback([args, &ctx] { ctx.exit_code = run_segregation(*args); });
}

Result<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid_request("cannot open '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct MatchArgs {
  std::string input;
  std::string mechanism = "da";
  std::uint64_t seed = 1;
};

int run_match(const MatchArgs& args) {
  auto mechanism = analytics::parse_mechanism(args.mechanism);
  if (!mechanism.ok()) return report_error("match", mechanism.error());
  auto text = read_text_file(args.input);
  if (!text.ok()) return report_error("match", text.error());
  auto input = analytics::parse_matching_input(*text);
  if (!input.ok()) return report_error("match", input.error());
  auto problem = analytics::build_problem(*input, args.seed);
  if (!problem.ok()) return report_error("match", problem.error());
  const auto matching = analytics::run_mechanism(*problem, *mechanism);
  std::cout << analytics::matching_to_json(*input, matching, *mechanism).dump(2) << "\n";
  return 0;
}

void add_match_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<MatchArgs>();
  auto* cmd = app.add_subcommand(
      "match",
      "Assign students to schools with a matching mechanism.\n"
      "Input JSON: {\"minority_group\"?: \"minority\", \"schools\": [{\"id\", \"capacity\", \"priority\": [student ids, "
      "highest first] or \"priority_groups\": [[ids], [ids], ...], \"reserve\"?: seats, \"bounds\"?: {group: [floor, "
      "ceiling]}}], \"students\": [{\"id\", \"preferences\": [school ids, best first], \"group\"?}]}.\n"
      "A student missing from a school's priority is not acceptable to it. Ties inside priority_groups are broken by "
      "one seeded lottery over all students (single tie-breaking).\n"
      "Mechanisms: da = student-proposing deferred acceptance; ttc = top trading cycles (Abdulkadiroglu-Sonmez); "
      "boston = immediate acceptance; da_reserves = DA with minority reserves (Hafalir-Yenmez-Yildirim 2013): a "
      "school's \"reserve\" seats go first to students whose \"group\" equals \"minority_group\" (default "
      "\"minority\"), and to anyone if too few apply; da_soft_bounds = DA with soft bounds (Ehlers-Hafalir-Yenmez-"
      "Yildirim 2014): a school admits by priority first students whose group is below its floor, then those below "
      "its ceiling, then anyone, up to capacity.\n"
      "Output: {\"mechanism\", \"assignment\": {student: school or null}, \"unassigned\": [...], \"rounds\"}; rounds "
      "counts proposal rounds (DA variants, Boston) or trading rounds (TTC).\n"
      "Exit codes: 0 ok, 2 bad input (malformed JSON, unknown or duplicate ids, negative capacity, ...).");
  cmd->add_option("--input", args->input, "Problem as JSON")->required();
  cmd->add_option("--mechanism", args->mechanism, "da, ttc, boston, da_reserves or da_soft_bounds")
      ->check(CLI::IsMember({"da", "ttc", "boston", "da_reserves", "da_soft_bounds"}))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed of the tie-breaking lottery")->capture_default_str();
  cmd->callback([args, &ctx] { ctx.exit_code = run_match(*args); });
}

struct SimulateArgs {
  std::string scenario;
  std::string generate;
  int draws = 0;
  std::uint64_t seed = 1;
  int threads = 2;
  bool quiet = false;
  std::string report;  // .html or .pdf
};

// A one-line progress bar on stderr, redrawn at most once per percent.
class ProgressBar {
 public:
  explicit ProgressBar(int total) : total_(total) {}
  void update(int done) {
    std::lock_guard lock(mutex_);
    const int percent = 100 * done / total_;
    if (percent == last_percent_ && done != total_) return;
    last_percent_ = percent;
    constexpr int kWidth = 30;
    const int filled = kWidth * done / total_;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << done << "/" << total_ << " draws"
              << (done == total_ ? "\n" : "") << std::flush;
  }

 private:
  std::mutex mutex_;
  int total_;
  int last_percent_ = -1;
};

int run_simulate(const SimulateArgs& args) {
  analytics::Scenario scenario;
  if (!args.generate.empty()) {
    if (!args.scenario.empty()) {
      return report_error("simulate", Error::invalid_request("give either --scenario or --generate, not both"));
    }
    if (args.generate != "brno") {
      return report_error("simulate", Error::invalid_request("unknown scenario generator '" + args.generate + "' (brno)"));
    }
    scenario = analytics::generate_brno(args.seed);
    if (args.draws == 0) {
      std::cout << analytics::scenario_to_json(scenario).dump(1) << "\n";
      return 0;
    }
  } else {
    if (args.scenario.empty()) return report_error("simulate", Error::invalid_request("--scenario FILE or --generate brno is required"));
    auto text = read_text_file(args.scenario);
    if (!text.ok()) return report_error("simulate", text.error());
    auto parsed = analytics::parse_scenario(*text);
    if (!parsed.ok()) return report_error("simulate", parsed.error());
    scenario = std::move(parsed).value();
  }
  if (args.draws < 1) return report_error("simulate", Error::invalid_request("--draws must be at least 1"));
  auto ends_with = [](const std::string& s, const char* suffix) {
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
  };
  const bool report_html = ends_with(args.report, ".html") || ends_with(args.report, ".htm");
  const bool report_pdf = ends_with(args.report, ".pdf");
  if (!args.report.empty() && !report_html && !report_pdf)
    return report_error("simulate", Error::invalid_request("--report must name a .html or a .pdf file"));
  ProgressBar bar(args.draws);
  analytics::SimulationOptions options;
  options.draws = args.draws;
  options.seed = args.seed;
  options.threads = args.threads;
  if (!args.quiet) options.progress = [&bar](int done) { bar.update(done); };
  auto result = analytics::simulate(scenario, options);
  if (!result.ok()) return report_error("simulate", result.error());
  if (!args.report.empty()) {
    const std::string bytes = report_pdf ? documents::simulation_report_pdf(scenario, *result)
                                         : documents::simulation_report_html(scenario, *result);
    std::ofstream out(args.report, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return report_error("simulate", Error::invalid_request("cannot write the report to " + args.report));
    if (!args.quiet) std::cerr << "report written to " << args.report << "\n";
  }
  std::cout << analytics::simulation_to_json(scenario, *result).dump(2) << "\n";
  return 0;
}

void add_simulate_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<SimulateArgs>();
  auto* cmd = app.add_subcommand(
      "simulate",
      "Compare admission mechanisms on a city: children (location, group) rank schools by a random-utility model "
      "(distance decay, school quality, composition preference, Gumbel noise), one lottery breaks priority ties "
      "(catchment children first), and each draw is assigned by: catchment (everyone to the catchment school), "
      "boston, da, da_reserves (minority reserves) and controlled_choice (DA with soft bounds on the minority "
      "share). Per mechanism: M, H, D (minority vs everyone else), share at first choice, unassigned, mean and "
      "p90 distance, schools over a third minority, per-school composition, each as mean/sd/p5/p50/p95 over draws.\n"
      "Families list their top 'list_length' schools truthfully under every mechanism (no strategic play under "
      "boston), plus their catchment school last when 'catchment_fallback' is true. da_reserves reserves "
      "ceil(reserve_share * capacity) seats for the minority; controlled_choice bounds the minority between "
      "floor(floor_share * capacity) and ceil(ceiling_share * capacity) (soft).\n"
      "Unassigned children attend no school in the model: they are left out of M, H, D, composition and distance "
      "and counted in 'unassigned'.\n"
      "  --generate brno             print a Brno-like scenario (about 4,300 first-graders, 80 schools, a clustered "
      "minority of 3-5 %) as JSON, to edit and pass to --scenario; with --draws, simulate it directly.\n"
      "  --scenario FILE --draws N   simulate a scenario file. Progress goes to stderr, results to stdout.\n"
      "  --report FILE.html|.pdf     also write the side-by-side comparison with charts (Czech).\n"
      "Exit codes: 0 ok, 2 bad input.");
  cmd->add_option("--scenario", args->scenario, "Scenario JSON (see --generate brno for the format)");
  cmd->add_option("--generate", args->generate, "Generate a synthetic scenario: brno");
  cmd->add_option("--draws", args->draws, "Number of lottery/preference draws")->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", args->seed, "Seed of the draws (and of --generate)")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_flag("--quiet", args->quiet, "No progress bar");
  cmd->add_option("--report", args->report,
                  "Also write the comparison (tables and charts, in Czech) to FILE.html (self-contained page) or FILE.pdf");
  cmd->callback([args, &ctx] { ctx.exit_code = run_simulate(*args); });
}

}  // namespace

void add_analytics_commands(CLI::App& app, CliContext& ctx) {
  add_segregation_command(app, ctx);
  add_match_command(app, ctx);
  add_simulate_command(app, ctx);
}

}  // namespace kredo::app
