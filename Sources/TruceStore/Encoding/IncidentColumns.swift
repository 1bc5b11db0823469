import Foundation
import TruceCore

/// The columns of an incident's row and of its source records' rows (the `incident` and `source_record` tables),
/// packed where the incident is prepared (on an import's parallel workers), in the order a store binds them
/// (SQLite's ``IncidentWriter``); the body, the header id and the field values follow them.
struct IncidentColumns: Sendable {
    static let incidentColumns = """
        id, start_unix, end_unix, time_precision, country, admin1, place, latitude, longitude, geo_precision, action,
        target_category, target_subtype, perpetrator, fatalities, release, outcome, acts, countries
        """
    static let incidentColumnCount = 19
    static let sourceColumns = "incident_id, ordinal, dataset, file, line, record_key, release"
    static let sourceColumnCount = 7

    let incident: PackedValues
    let sources: [PackedValues]

    init(_ incident: Incident) {
        let (time, location) = (incident.time, incident.location)
        var row = PackedValues()
        row.append(incident.id)
        row.append(unix(time.span.start))
        row.append(time.span.end.map(unix))
        row.append(time.precision.rawValue)
        row.append(location.country)
        row.append(location.admin1)
        row.append(location.place)
        row.append(location.coordinate?.latitude)
        row.append(location.coordinate?.longitude)
        row.append(location.precision.rawValue)
        row.append(incident.action?.rawValue)
        row.append(incident.target.category?.rawValue)
        row.append(incident.target.subtype)
        row.append(incident.perpetrator?.party.rawValue)
        row.append(incident.effects.fatalities)
        row.append(incident.sources.first?.release)
        row.append(incident.outcome?.rawValue)
        row.append(incident.acts)
        row.append(location.countries.isEmpty ? nil : location.countries.joined(separator: " "))
        assert(row.count == Self.incidentColumnCount)
        self.incident = row
        sources = incident.sources.enumerated().map { ordinal, record in
            var row = PackedValues(capacity: 160)
            row.append(incident.id)
            row.append(ordinal)
            row.append(record.dataset)
            row.append(record.file)
            row.append(record.line)
            row.append(record.key)
            row.append(record.release)
            assert(row.count == Self.sourceColumnCount)
            return row
        }
    }
}
