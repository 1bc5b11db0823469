import ArgumentParser
import TruceIngest

/// A size given on the command line: a whole number of bytes, or with a unit (`KiB`, `MiB`, `GiB`; `K`, `M`, `G`
/// mean the same), e.g. `1048576`, `512KiB`, `4MiB`.
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let units: [(suffix: String, factor: Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1),
        ]
        var digits = Substring(argument)
        var factor = 1
        for unit in units where argument.hasSuffix(unit.suffix) {
            digits = argument.dropLast(unit.suffix.count)
            factor = unit.factor
            break
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let count = Int(digits), count > 0, case (let bytes, false) = count.multipliedReportingOverflow(by: factor)
        else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)MiB" : "\(bytes)" }
}

/// `--max-record-size`, shared by the commands that read incident files.
struct RecordSizeOption: ParsableArguments {
    @Option(
        name: .customLong("max-record-size"),
        help: ArgumentHelp(
            "The longest record read, in bytes or with a unit (512KiB, 4MiB); a longer one is quarantined and the import goes on.",
            valueName: "size"))
    var size = ByteCount(RecordStream.defaultMaxRecordBytes)

    var bytes: Int { size.bytes }
}
