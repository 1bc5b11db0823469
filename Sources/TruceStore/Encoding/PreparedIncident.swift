import Foundation
import TruceCore

/// An incident with its stored form worked out, which bulk imports do on parallel workers: the body and source
/// values every store keeps (``StoredIncident``), the field names, and the values of its rows. Nothing in it
/// belongs to one database: any ``Store`` saves it (``Store/save(prepared:quarantined:)``).
public struct PreparedIncident: Sendable {
    /// The incident; its source record's fields are left out when they were given apart (see
    /// ``init(_:fieldNames:valuesJSON:)``).
    public var incident: Incident { parts.incident }
    var stored: StoredIncident { parts.stored }
    /// Each source record's field names.
    var names: [[String]] { parts.names }
    /// The values of its rows, packed for binding (see ``IncidentColumns``).
    var columns: IncidentColumns { parts.columns }

    /// Kept in one shared object: a prepared incident passes from a worker to a batch to the saving thread, and
    /// each copy of it is then one reference, not every text of the incident retained again.
    private let parts: Parts

    private final class Parts: Sendable {
        let incident: Incident
        let stored: StoredIncident
        let names: [[String]]
        let columns: IncidentColumns

        init(incident: Incident, stored: StoredIncident, names: [[String]]) {
            self.incident = incident
            self.stored = stored
            self.names = names
            columns = IncidentColumns(incident)
        }
    }

    public init(_ incident: Incident) {
        parts = Parts(incident: incident, stored: StoredIncident(incident), names: incident.sources.map { $0.fields.map(\.name) })
    }

    /// An incident whose one source record's fields come apart, as their names and their values already written
    /// as a JSON array of strings (what ``SourceRecord/valuesJSON`` writes): the fields of a bulk import are
    /// never made into strings one by one.
    /// - Precondition: the incident has one source record, whose `fields` are empty.
    public init(_ incident: Incident, fieldNames: [String], valuesJSON: String) {
        precondition(incident.sources.count == 1 && incident.sources[0].fields.isEmpty, "the fields come apart")
        parts = Parts(
            incident: incident, stored: StoredIncident(body: CompactBody.text(for: incident), values: [valuesJSON]), names: [fieldNames])
    }

    /// The whole incident, with its source records' fields.
    var whole: Incident {
        guard incident.sources.count == 1, incident.sources[0].fields.isEmpty, let values = [String](canonicalJSONArray: stored.values[0])
        else { return incident }
        var whole = incident
        whole.sources[0].fields = zip(names[0], values).map { SourceRecord.Field(name: $0, value: $1) }
        return whole
    }
}

/// An incident as stored: what its columns do not hold (the body, ``CompactBody``), and each source record's
/// values as a JSON array of strings, which a store compares with those it holds to tell an unchanged record from
/// an updated one, so these bytes never change for the same incident.
struct StoredIncident: Sendable {
    var body: String
    var values: [String]

    init(body: String, values: [String]) {
        self.body = body
        self.values = values
    }

    init(_ incident: Incident) {
        body = CompactBody.text(for: incident)
        values = incident.sources.map(\.valuesJSON)
    }
}
