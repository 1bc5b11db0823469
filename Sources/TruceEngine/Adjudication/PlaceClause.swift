import TruceCore

/// The place clause: is the incident inside the agreement's geography (and outside its exclusions)?
enum PlaceClause {
    static func check(_ incident: Incident, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        guard incident.location.spansSeveralCountries else { return check(incident.location, prepared, explain: explain) }
        return severalCountries(incident.location, prepared, explain: explain)
    }

    /// An incident in several countries lies in the agreement's geography when each of them does, and outside
    /// it when none does; when only some do, or some cannot be told, the clause is left open as imprecise.
    /// The named region and point belong to the first country; the others are known as whole countries.
    private static func severalCountries(_ location: IncidentLocation, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        let checks = location.countries.map { country -> ClauseCheck in
            let primary = country == location.country
            let part = IncidentLocation(
                country: country, admin1: primary ? location.admin1 : nil, place: primary ? location.place : nil,
                coordinate: primary ? location.coordinate : nil, precision: primary ? location.precision : .country)
            return check(part, prepared, explain: explain)
        }
        var reasons: String { zip(location.countries, checks).map { "\($0): \($1.reason)" }.joined(separator: "; ") }
        if checks.allSatisfy({ $0.outcome == .pass }) { return ClauseCheck(.place, .pass, explain ? "every country lies in scope: \(reasons)" : "") }
        if checks.allSatisfy({ $0.outcome == .fail }) { return ClauseCheck(.place, .fail, explain ? "no country lies in scope: \(reasons)" : "") }
        return ClauseCheck(
            .place, .unknown, uncertainty: .imprecise, explain ? "the incident spans several countries, not all of them in scope: \(reasons)" : "")
    }

    private static func check(_ location: IncidentLocation, _ prepared: PreparedAgreement, explain: Bool) -> ClauseCheck {
        let scope = prepared.agreement.scope
        let outlines = (seas: prepared.seas, countries: prepared.countryOutlines)
        var place: String { describe(location) }
        for area in scope.exclude where match(location, area, outlines) == .pass {
            return ClauseCheck(.place, .fail, explain ? "\(place) lies in \(label(area)), which the agreement excludes" : "")
        }
        guard !scope.include.isEmpty else { return ClauseCheck(.place, .pass, explain ? "the agreement covers every place" : "") }
        var open = false
        for area in scope.include {
            switch match(location, area, outlines) {
            case .pass: return ClauseCheck(.place, .pass, explain ? "\(place) lies in \(label(area))" : "")
            case .unknown: open = true
            case .fail: break
            }
        }
        var areas: String { scope.include.map(label).joined(separator: ", ") }
        if open {
            let missing = location.country == nil && location.coordinate == nil
            var unmapped: String {
                let seasWithoutOutline = scope.include.filter { $0.kind == .sea && outlines.seas[$0.code] == nil }.map(\.code)
                return seasWithoutOutline.isEmpty ? "" : "; no outline of \(seasWithoutOutline.joined(separator: ", ")) is loaded"
            }
            return ClauseCheck(
                .place, .unknown, uncertainty: missing ? .missing : .imprecise,
                explain ? "\(place): cannot tell whether it lies in \(areas) (precision: \(location.precision.rawValue))\(unmapped)" : "")
        }
        return ClauseCheck(.place, .fail, explain ? "\(place) lies outside \(areas)" : "")
    }

    private static func match(
        _ location: IncidentLocation, _ area: GeoArea, _ outlines: (seas: SeaOutlines, countries: CountryOutlines)
    ) -> ClauseCheck.Outcome {
        switch area.kind {
        case .country:
            guard let country = location.country else { return placed(location, inCountry: area.code, outlines.countries) }
            return country == area.code ? .pass : .fail
        case .region:
            guard let country = location.country else {
                // No country code: a point is judged by the region's outline, where there is one, and is
                // outside the region when it is outside the region's country.
                if let coordinate = location.coordinate, location.precision <= .locality, !area.ring.isEmpty {
                    return Rings.contains(area.ring, coordinate) ? .pass : .fail
                }
                guard let code = area.countryCode else { return .unknown }
                return placed(location, inCountry: code, outlines.countries) == .fail ? .fail : .unknown
            }
            guard country == area.countryCode else { return .fail }
            if let admin1 = location.admin1 {
                return Regions.name(admin1, matches: area.code, givenName: area.name) ? .pass : .fail
            }
            if let coordinate = location.coordinate, !area.ring.isEmpty { return Rings.contains(area.ring, coordinate) ? .pass : .fail }
            return .unknown
        case .polygon:
            guard let coordinate = location.coordinate else { return .unknown }
            guard location.precision <= .locality else { return .unknown }
            return Rings.contains(area.ring, coordinate) ? .pass : .fail
        case .sea:
            guard let outline = outlines.seas[area.code] else { return .unknown }
            return match(location, outline)
        }
    }

    /// A point known to its locality or better, with no country stated, is in the country whose outline holds
    /// it; a coarser point, or a country without an outline, stays open.
    private static func placed(_ location: IncidentLocation, inCountry code: String, _ countries: CountryOutlines) -> ClauseCheck.Outcome {
        guard let coordinate = location.coordinate, location.precision <= .locality, let outline = countries[country: code] else { return .unknown }
        return outline.contains(coordinate) ? .pass : .fail
    }

    /// A point known to its locality or better is at sea when the outline holds it. A coarser point is
    /// placed only when it lies farther from the sea's edge than a place of its precision can be from its
    /// point; otherwise a place in a country with no coast on the sea is outside it, and any other is open.
    private static func match(_ location: IncidentLocation, _ outline: SeaOutline) -> ClauseCheck.Outcome {
        if let coordinate = location.coordinate, let reach = reach(of: location.precision) {
            if reach == 0 { return outline.contains(coordinate) ? .pass : .fail }
            if outline.isFar(from: coordinate, by: reach) { return .fail }
            if !outline.isEdge(within: reach, of: coordinate) { return outline.contains(coordinate) ? .pass : .fail }
        }
        if let country = location.country, !outline.coasts.isEmpty, !outline.coasts.contains(country) { return .fail }
        return .unknown
    }

    /// Kilometres a place of `precision` may lie from its stated point: none for a locality or better (the
    /// point is the place), about 25 km near a named place, 60 km in a district, 300 km in a region (the
    /// largest coastal regions, such as Rostov or Krasnodar, reach their coast within that of their middle);
    /// `nil` for a country or an unstated precision, which a point cannot place.
    static func reach(of precision: GeoPrecision) -> Double? {
        switch precision {
        case .exact, .locality: return 0
        case .nearby: return 25
        case .district: return 60
        case .region: return 300
        case .country, .unknown: return nil
        }
    }

    private static func describe(_ location: IncidentLocation) -> String {
        let named = [location.place, location.admin1, location.country].compactMap { $0 }.joined(separator: ", ")
        guard named.isEmpty else { return named }
        return location.coordinate.map { "the point \($0.latitude), \($0.longitude)" } ?? "an unstated place"
    }

    private static func label(_ area: GeoArea) -> String {
        (area.name ?? (area.kind == .sea ? Seas.englishName(of: area.code) : nil)).map {
            "\($0) (\(area.code.isEmpty ? area.kind.rawValue : area.code))"
        } ?? (area.code.isEmpty ? "the \(area.kind.rawValue)" : area.code)
    }
}
