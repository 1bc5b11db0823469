import TruceCore

/// What a first-level region name stands for when it is matched against an agreement's region areas, by the
/// rule of ``Regions/name(_:matches:givenName:)``: a name Truce knows stands for its ISO 3166-2 code; any other
/// name stands for itself, normalised, and matches only an area whose given name normalises to the same.
enum RegionKey: Hashable, Sendable {
    case code(String)
    case name(String)

    /// The key of the region an incident names as its first-level region.
    init(admin1: String) {
        if let code = Regions.code(forName: admin1) {
            self = .code(code)
        } else {
            self = .name(Regions.normalised(admin1))
        }
    }
}

/// A region area an agreement includes, in the codes of a ``CodeBook``: a compact incident of the area's
/// country lies in it when its region is the area's code or, for a name Truce does not know, the area's given
/// name. A code no incident of the run names is -2, which no incident has.
struct CompactRegion: Sendable {
    var code: Int32
    var givenName: Int32

    /// Whether an incident whose region has the compact code `region` lies in this area.
    func holds(_ region: Int32) -> Bool { region == code || region == givenName }
}

/// The place clause of a compact agreement for the incidents of one list of the index.
enum CompactPlace: Sendable {
    /// The agreement covers the incidents' whole country.
    case wholeCountry
    /// The agreement covers the incidents' country only in these regions (none: not at all).
    case regions([CompactRegion])
    /// The incidents' country is unknown, and no country outline can place them.
    case unknownCountry

    /// The place outcome for `incident`; `nil` when it passes.
    func check(_ incident: CompactIncident) -> ClauseCheck? {
        switch self {
        case .wholeCountry:
            return nil
        case .unknownCountry:
            return ClauseCheck(.place, .unknown, uncertainty: incident.hasCoordinate ? .imprecise : .missing, "")
        case .regions(let areas):
            // No first-level region named: a region area without an outline cannot tell (its country is known).
            guard incident.region >= 0 else {
                return areas.isEmpty ? ClauseCheck(.place, .fail, "") : ClauseCheck(.place, .unknown, uncertainty: .imprecise, "")
            }
            return areas.contains { $0.holds(incident.region) } ? nil : ClauseCheck(.place, .fail, "")
        }
    }
}

extension CodeBook {
    /// `area`, a region area, in these codes.
    func compactRegion(_ area: GeoArea) -> CompactRegion {
        CompactRegion(
            code: regions[.code(area.code)] ?? -2,
            givenName: area.name.flatMap { regions[.name(Regions.normalised($0))] } ?? -2)
    }
}
