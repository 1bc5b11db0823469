import TruceCore

/// The place clause: is the incident inside the agreement's geography (and outside its exclusions)?
enum PlaceClause {
    static func check(_ incident: Incident, _ scope: Scope, explain: Bool) -> ClauseCheck {
        guard incident.location.spansSeveralCountries else { return check(incident.location, scope, explain: explain) }
        return severalCountries(incident.location, scope, explain: explain)
    }

    /// An incident in several countries lies in the agreement's geography when each of them does, and outside
    /// it when none does; when only some do, or some cannot be told, the clause is left open as imprecise.
    /// The named region and point belong to the first country; the others are known as whole countries.
    private static func severalCountries(_ location: IncidentLocation, _ scope: Scope, explain: Bool) -> ClauseCheck {
        let checks = location.countries.map { country -> ClauseCheck in
            let primary = country == location.country
            let part = IncidentLocation(
                country: country, admin1: primary ? location.admin1 : nil, place: primary ? location.place : nil,
                coordinate: primary ? location.coordinate : nil, precision: primary ? location.precision : .country)
            return check(part, scope, explain: explain)
        }
        var reasons: String { zip(location.countries, checks).map { "\($0): \($1.reason)" }.joined(separator: "; ") }
        if checks.allSatisfy({ $0.outcome == .pass }) { return ClauseCheck(.place, .pass, explain ? "every country lies in scope: \(reasons)" : "") }
        if checks.allSatisfy({ $0.outcome == .fail }) { return ClauseCheck(.place, .fail, explain ? "no country lies in scope: \(reasons)" : "") }
        return ClauseCheck(
            .place, .unknown, uncertainty: .imprecise, explain ? "the incident spans several countries, not all of them in scope: \(reasons)" : "")
    }

    private static func check(_ location: IncidentLocation, _ scope: Scope, explain: Bool) -> ClauseCheck {
        var place: String { describe(location) }
        for area in scope.exclude where match(location, area) == .pass {
            return ClauseCheck(.place, .fail, explain ? "\(place) lies in \(label(area)), which the agreement excludes" : "")
        }
        guard !scope.include.isEmpty else { return ClauseCheck(.place, .pass, explain ? "the agreement covers every place" : "") }
        var open = false
        for area in scope.include {
            switch match(location, area) {
            case .pass: return ClauseCheck(.place, .pass, explain ? "\(place) lies in \(label(area))" : "")
            case .unknown: open = true
            case .fail: break
            }
        }
        var areas: String { scope.include.map(label).joined(separator: ", ") }
        if open {
            let missing = location.country == nil && location.coordinate == nil
            return ClauseCheck(
                .place, .unknown, uncertainty: missing ? .missing : .imprecise,
                explain ? "\(place): cannot tell whether it lies in \(areas) (precision: \(location.precision.rawValue))" : "")
        }
        return ClauseCheck(.place, .fail, explain ? "\(place) lies outside \(areas)" : "")
    }

    private static func match(_ location: IncidentLocation, _ area: GeoArea) -> ClauseCheck.Outcome {
        switch area.kind {
        case .country:
            guard let country = location.country else { return .unknown }
            return country == area.code ? .pass : .fail
        case .region:
            guard let country = location.country else {
                // No country code: an exact point is judged by the region's outline, where there is one.
                guard let coordinate = location.coordinate, location.precision <= .locality, !area.ring.isEmpty else { return .unknown }
                return contains(area.ring, coordinate) ? .pass : .fail
            }
            guard country == area.countryCode else { return .fail }
            if let admin1 = location.admin1 {
                return Regions.name(admin1, matches: area.code, givenName: area.name) ? .pass : .fail
            }
            if let coordinate = location.coordinate, !area.ring.isEmpty { return contains(area.ring, coordinate) ? .pass : .fail }
            return .unknown
        case .polygon:
            guard let coordinate = location.coordinate else { return .unknown }
            guard location.precision <= .locality else { return .unknown }
            return contains(area.ring, coordinate) ? .pass : .fail
        case .sea:
            return .unknown  // maritime zones need an outline; none is bundled yet
        }
    }

    /// Ray casting: whether `point` lies inside the ring.
    static func contains(_ ring: [Coordinate], _ point: Coordinate) -> Bool {
        var inside = false
        var previous = ring.count - 1
        for index in ring.indices {
            let (a, b) = (ring[index], ring[previous])
            if (a.latitude > point.latitude) != (b.latitude > point.latitude),
                point.longitude < (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
            {
                inside.toggle()
            }
            previous = index
        }
        return inside
    }

    private static func describe(_ location: IncidentLocation) -> String {
        let named = [location.place, location.admin1, location.country].compactMap { $0 }.joined(separator: ", ")
        return named.isEmpty ? "an unstated place" : named
    }

    private static func label(_ area: GeoArea) -> String {
        area.name.map { "\($0) (\(area.code.isEmpty ? area.kind.rawValue : area.code))" } ?? (area.code.isEmpty ? "the \(area.kind.rawValue)" : area.code)
    }
}
