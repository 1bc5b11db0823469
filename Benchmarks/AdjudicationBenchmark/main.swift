import Foundation
import TruceCore
import TruceEngine

// Adjudication benchmark: a full run of N incidents against M agreements, an incremental run for K new
// incidents, and the data written out for the same rules as a DuckDB join (scripts/bench-adjudicate).

var options = ["incidents": 1_000_000, "agreements": 1_000, "new": 10_000, "linking": 0]
var output = "/tmp/truce-bench-adjudication"
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    let name = flag.replacingOccurrences(of: "--", with: "")
    guard let value = arguments.popFirst() else { fatalError("\(flag) needs a value") }
    if name == "out" {
        output = value
    } else if options[name] != nil, let number = Int(value) {
        options[name] = number
    } else {
        fatalError("usage: adjudication-benchmark [--incidents N] [--agreements M] [--new K] [--out DIR] | --linking N")
    }
}
try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func measure<T>(_ body: () -> T) -> (T, Double) {
    let clock = ContinuousClock()
    var result: T?
    let elapsed = clock.measure { result = body() }
    return (result!, seconds(elapsed))
}

/// The CPU time this process has used (user and system), in seconds: linking runs on one core, so on a busy
/// machine this varies less than the wall-clock time.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

// Linking alone: N generated records linked into events, timed twice, with the distribution of event sizes.
if let count = options["linking"], count > 0 {
    var linking = LinkingGenerator(random: SplitMix(state: 2025))
    func timed<T>(_ body: () -> T) -> (T, String) {
        let cpu = cpuSeconds()
        let (result, wall) = measure(body)
        return (result, String(format: "%.2f s (CPU %.2f s)", wall, cpuSeconds() - cpu))
    }
    let (records, generateSeconds) = timed { linking.records(count) }
    let (events, linkerSeconds) = timed { IncidentLinker().events(records) }
    let (evidence, linkSeconds) = timed { Adjudication.evidence(for: records) }
    let (_, againSeconds) = timed { Adjudication.evidence(for: records) }
    let sizes = Dictionary(grouping: evidence, by: \.group).values.map(\.count)
    let histogram = Dictionary(grouping: sizes) { min($0, 10) }.mapValues(\.count).sorted { $0.key < $1.key }
    print("linking benchmark: \(records.count) records generated in \(generateSeconds)")
    print("  linker alone: \(events.count) events in \(linkerSeconds)")
    print("  evidence (linking, then levels): \(sizes.count) events in \(linkSeconds); again: \(againSeconds)")
    print(
        "  largest event: \(sizes.max() ?? 0) records; events by size: "
            + histogram.map { "\($0.key == 10 ? "10+" : "\($0.key)"): \($0.value)" }.joined(separator: ", "))
    exit(0)
}

var generator = Generator(random: SplitMix(state: 2025))
let (agreements, agreementSeconds) = measure { generator.agreements(options["agreements"]!) }
let (incidents, incidentSeconds) = measure { generator.incidents(options["incidents"]!) }
let newIncidents = generator.incidents(options["new"]!, offset: options["incidents"]!)
print(
    "generated \(agreements.count) agreements in \(String(format: "%.2f", agreementSeconds)) s, \(incidents.count) incidents in \(String(format: "%.2f", incidentSeconds)) s"
)

if ProcessInfo.processInfo.environment["PROFILE_FULL_RUN"] != nil {  // for perf: the full run alone, repeated
    for _ in 0..<5 { _ = Adjudication.judgements(incidents: incidents, agreements: agreements) }
    exit(0)
}

// The full run: every pair judged, the verdicts that are not out of scope kept as compact judgements.
let (judgements, fullSeconds) = measure { Adjudication.judgements(incidents: incidents, agreements: agreements) }
let (_, secondFullSeconds) = measure { Adjudication.judgements(incidents: incidents, agreements: agreements) }
var afterFullRun = rusage()
getrusage(RUSAGE_SELF.rawValue, &afterFullRun)
// The incremental run: only the new incidents, against every agreement.
let (incremental, incrementalSeconds) = measure { Adjudication.judgements(incidents: newIncidents, agreements: agreements) }
// The same, as full Verdict values without and with reasons.
let (verdicts, valuesSeconds) = measure { Adjudication.verdicts(incidents: incidents, agreements: agreements, explain: false) }
let (_, explainedSeconds) = measure { Adjudication.verdicts(incidents: incidents, agreements: agreements, explain: true) }

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let counts = Dictionary(grouping: verdicts, by: \.kind).mapValues(\.count)

// The data and the violation set, for the DuckDB side.
let directory = output
func write(_ name: String, _ header: String, _ rows: [String]) throws {
    try ([header] + rows).joined(separator: "\n").appending("\n").write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
}
func unix(_ date: Date?) -> String { date.map { String(Int64($0.timeIntervalSince1970)) } ?? "" }
try write(
    "incidents.csv", "id,start_unix,end_unix,country,perpetrator,category,subtype,action",
    incidents.map { incident in
        [
            incident.id, unix(incident.time.span.start), unix(incident.time.span.end), incident.location.country ?? "",
            incident.perpetrator?.party.rawValue ?? "", incident.target.category?.rawValue ?? "", incident.target.subtype ?? "",
            incident.action?.rawValue ?? "",
        ].joined(separator: ",")
    })
try write("agreements.csv", "id,all_targets,all_actions", agreements.map { "\($0.id),\($0.scope.targets.isEmpty),\($0.scope.actions.isEmpty)" })
try write(
    "binding.csv", "agreement,party,start_unix,end_unix",
    agreements.flatMap { agreement in
        agreement.parties.flatMap { party in
            agreement.bindingSpans(for: party.id).map { "\(agreement.id),\(party.id),\(unix($0.start)),\(unix($0.end))" }
        }
    })
try write("agreement_country.csv", "agreement,country", agreements.flatMap { a in a.scope.include.compactMap(\.countryCode).map { "\(a.id),\($0)" } })
try write(
    "agreement_target.csv", "agreement,category,subtype",
    agreements.flatMap { a in
        a.scope.targets.flatMap { t in
            t.subtypes.isEmpty ? ["\(a.id),\(t.category.rawValue),"] : t.subtypes.map { "\(a.id),\(t.category.rawValue),\($0)" }
        }
    })
try write("agreement_action.csv", "agreement,action", agreements.flatMap { a in a.scope.actions.map { "\(a.id),\($0.rawValue)" } })
try write("truce-violations.txt", "incident,agreement", verdicts.filter { $0.kind == .violation }.map { "\($0.incident),\($0.agreement)" }.sorted())

let results = """
    {"incidents": \(incidents.count), "agreements": \(agreements.count), "new_incidents": \(newIncidents.count),
     "full_seconds": \(fullSeconds), "full_seconds_again": \(secondFullSeconds), "incremental_seconds": \(incrementalSeconds),
     "verdict_values_seconds": \(valuesSeconds), "explained_full_seconds": \(explainedSeconds), "peak_rss_mb": \(usage.ru_maxrss / 1024), "peak_rss_after_full_run_mb": \(afterFullRun.ru_maxrss / 1024),
     "verdicts": \(judgements.count), "violations": \(counts[.violation] ?? 0), "possible_violations": \(counts[.possibleViolation] ?? 0),
     "not_a_violation": \(counts[.notAViolation] ?? 0), "insufficient_information": \(counts[.insufficientInformation] ?? 0),
     "incremental_verdicts": \(incremental.count), "cores": \(ProcessInfo.processInfo.activeProcessorCount)}
    """
try results.write(toFile: "\(output)/truce-results.json", atomically: true, encoding: .utf8)
print(results)
