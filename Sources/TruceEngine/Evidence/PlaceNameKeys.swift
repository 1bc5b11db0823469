import Foundation
import TruceCore

/// Region and locality keys by name, worked out once a name: few names, many incidents.
struct PlaceNameKeys {
    private var regions: [String: String] = [:]
    private var places: [String: String?] = [:]

    /// The link key of `incident`, its names' keys looked up here.
    mutating func key(_ incident: Incident) -> LinkKey {
        LinkKey(
            incident,
            region: incident.location.admin1.map { name in
                if let known = regions[name] { return known }
                let key = LinkKey.regionKey(name)
                regions[name] = key
                return key
            },
            place: incident.location.place.flatMap { name in
                if let known = places[name] { return known }
                let key = LinkKey.placeKey(name)
                places[name] = key
                return key
            })
    }
}

/// Works out the link records of batches of incidents on every core, each worker with its own name keys kept
/// from batch to batch: the records ``LinkRecord/init(linking:)`` gives, cheaper for many incidents. An
/// adjudication makes them from the batches it has decoded to judge, so that linking need not decode them again.
public final class LinkRecordMaker: @unchecked Sendable {
    private var names: [PlaceNameKeys]
    private let workers: Int

    /// A maker working on `workers` threads at once.
    public init(workers: Int = min(ProcessInfo.processInfo.activeProcessorCount, 8)) {
        self.workers = max(1, workers)
        names = Array(repeating: PlaceNameKeys(), count: self.workers)
    }

    /// The link records of `incidents`, by position.
    public func records(_ incidents: [Incident]) -> [LinkRecord] {
        var records = [LinkRecord?](repeating: nil, count: incidents.count)
        let chunk = (incidents.count + workers - 1) / workers
        records.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedSendable(buffer)
            names.withUnsafeMutableBufferPointer { names in
                let caches = UncheckedSendable(names)
                incidents.withUnsafeBufferPointer { incidents in  // read in place: no copy of each incident
                    let incidents = UncheckedSendable(incidents)
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        for position in min(incidents.value.count, worker * chunk)..<min(incidents.value.count, (worker + 1) * chunk) {
                            output.value[position] = LinkRecord(incidents.value[position], key: caches.value[worker].key(incidents.value[position]))
                        }
                    }
                }
            }
        }
        return records.map { $0! }
    }
}
