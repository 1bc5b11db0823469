import Foundation
import TruceCore
import TruceEngine
import TruceStore

// Link benchmark: the evidence step of `truce adjudicate` on its own, on a store.
//
//   link-benchmark STORE [--all] [--mark] [--block N]
//
// Brings the store's evidence up to date (every record again with --all) and prints what it did and how long it
// took; with --mark, then marks every incident judged under the rules, as a run's verdict save does, so that the
// next run links only records imported since.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    print("usage: link-benchmark STORE [--all] [--mark] [--block N]")
    exit(64)
}
let store = try SQLiteStore(path: path)
var linking = EvidenceLinking(rulesVersion: Adjudicator.rulesVersion)
if let flag = arguments.firstIndex(of: "--block"), arguments.indices.contains(flag + 1), let size = Int(arguments[flag + 1]) {
    linking.blockSize = size
}
let clock = ContinuousClock()
let started = clock.now
let summary = try linking.update(store, all: arguments.contains("--all"))
let elapsed = clock.now - started
print(
    "evidence: \(summary.changed) new or changed, \(summary.linked) linked, \(summary.written) written, "
        + "\(summary.swept ? "swept" : "neighbourhood"), \(elapsed)")
if arguments.contains("--mark") {
    let ids = try store.incidentsAwaitingAdjudication(rulesVersion: Adjudicator.rulesVersion)
    try store.save(AdjudicationRun(incidents: Array(ids), agreements: [], verdicts: [], rulesVersion: Adjudicator.rulesVersion))
    print("marked \(ids.count) incident(s) judged")
}
