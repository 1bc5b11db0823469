import ArgumentParser
import TruceApp
import TruceCore

/// A command the shared filters select for, saying in its `--help` what `--agreement` keeps: an agreement
/// selects the verdicts judged under it, but the incidents in its window and scope.
protocol FilteredListing {
    /// The `--help` text of `--agreement`.
    static var agreementHelp: String { get }
}

/// The filters that `verdicts list`, `export` and `incidents list` share: agreement, party and days. Days are UTC
/// days, or the agreement's own local days when the command is given `--agreement` (its `time_zone`, the zone its
/// reports count days in).
struct FilterOptions<Listing: FilteredListing>: ParsableArguments {
    /// The `--help` discussion of a listing whose days follow `--agreement`'s zone.
    static func localDaysDiscussion(listing: String) -> String {
        """
        With --agreement, --from and --to are days in the agreement's time zone (as its reports count days) \
        and the table shows each start in that zone beside UTC; without it they are UTC days. A line under \
        the table says which. JSON output is the list of \(listing), with instants in UTC, unchanged.
        """
    }

    @Option(help: ArgumentHelp(Listing.agreementHelp))
    var agreement: String?
    @Option(help: "Only incidents attributed to this party (e.g. RU).")
    var party: String?
    @Option(
        help: ArgumentHelp(
            "Only incidents on or after this day: a day in the agreement's time zone with --agreement, else in UTC.", valueName: Day.form),
        transform: Day.init(validating:))
    var from: Day?
    @Option(
        help: ArgumentHelp(
            "Only incidents on or before this day: a day in the agreement's time zone with --agreement, else in UTC.", valueName: Day.form),
        transform: Day.init(validating:))
    var to: Day?

    var perpetrator: PartyID? { party.map { PartyID($0) } }

    /// The days from `--from` to `--to` inclusive, or none when neither is given.
    var days: DayRange { DayRange(from: from?.stated, to: to?.stated) }

    /// Says which days the filter means, e.g. `days are 2025-03-19 to 2025-03-25 in Europe/Moscow (the agreement's
    /// zone)`; `nil` when neither `--from` nor `--to` is given.
    func daysStatement(agreementZone zone: ZoneIdentifier?) -> String? {
        let days: String
        switch (from, to) {
        case (nil, nil): return nil
        case (let from?, let to?): days = "days are \(from) to \(to)"
        case (let from?, nil): days = "days are from \(from)"
        case (nil, let to?): days = "days are up to \(to)"
        }
        guard let zone else { return days + " in UTC" }
        return days + " in \(zone.rawValue) (the agreement's zone)"
    }
}

/// The filters of the commands that read stored verdicts (`verdicts list` and `export`): the shared ones, and
/// verdict, evidence level and region.
struct VerdictFilterOptions<Listing: FilteredListing>: ParsableArguments {
    @OptionGroup var common: FilterOptions<Listing>
    @Option(help: "Only this verdict.")
    var verdict: VerdictKind?
    @Option(help: "Only this evidence level.")
    var evidence: EvidenceLevel?
    @Option(help: "Only this region (any of its names, e.g. Kharkiv, Харківська) or country code (UA).")
    var region: String?

    /// The verdicts the options select.
    var filter: VerdictFilter {
        VerdictFilter(
            agreement: common.agreement, party: common.perpetrator, days: common.days, verdict: verdict, evidence: evidence, region: region)
    }

    func daysStatement(agreementZone zone: ZoneIdentifier?) -> String? { common.daysStatement(agreementZone: zone) }
}
