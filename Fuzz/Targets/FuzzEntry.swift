import Foundation
import TruceCore
import TruceIngest

/// The fuzz target this process runs, named by `TRUCE_FUZZ_TARGET`: `csv`, `acled`, `ucdp`, `gdelt` or `truce`.
///
/// One executable serves every target so that a single build covers them all; `scripts/fuzz` sets the
/// variable and hands libFuzzer the target's seed corpus from `Fuzz/corpus/<target>/`.
enum FuzzTarget: String, CaseIterable {
    case csv, acled, ucdp, gdelt, truce

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["TRUCE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("truce-fuzz: set TRUCE_FUZZ_TARGET to one of \(known) (got \"\(name)\")\n".utf8))
            exit(64)
        }
        return target
    }()

    /// A small actor table, so that perpetrators map to parties as they do with `data/actors.csv`.
    static let actors = ActorTable(entries: [
        .init(pattern: "Military Forces of Russia", party: "RU"),
        .init(pattern: "Military Forces of Ukraine", party: "UA"),
        .init(pattern: "Government of Russia", party: "RU"),
        .init(pattern: "Government of Ukraine", party: "UA"),
    ])

    func run(_ input: [UInt8]) {
        switch self {
        case .csv: CSVReaderFuzzing.run(input)
        case .acled: DatasetFuzzing(format: ACLEDFormat(actors: Self.actors), file: "fuzz.csv").run(input)
        case .ucdp: DatasetFuzzing(format: UCDPFormat(actors: Self.actors), file: "fuzz.csv").run(input)
        case .gdelt: DatasetFuzzing(format: GDELTFormat(), file: "fuzz.export.CSV").run(input)
        case .truce: DatasetFuzzing(format: TruceCSVFormat(), file: "fuzz.csv").run(input)
        }
    }
}
