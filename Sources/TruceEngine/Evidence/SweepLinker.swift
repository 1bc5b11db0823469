import Foundation
import TruceCore

/// Links every record of a store block by block, in order of the first day their spans touch, holding one
/// block in memory, not the store, with the result of ``IncidentLinker/events(_:)`` on every record at once.
///
/// Events are a function of each connected part of the graph of member records that fit one another (each
/// record is placed by the records it fits, recursively), and two records fit only when their spans share a
/// UTC day. So a block's members are linked with the members carried from the block before; a part whose
/// members all end before the next block's first day is final, as no later record can share a day with
/// it; the members of the others are carried into the next block and linked again with it. A vague record
/// stays in view while some event it may describe can still be finalised: until its span and every carried
/// member's start are behind the sweep.
struct SweepLinker {
    /// About how many records a block holds.
    var blockSize: Int

    /// A vague record in view, with the events found so far that it may describe.
    private struct Vague {
        var record: LinkRecord
        var key: LinkKey
        var described: [IncidentID] = []
    }

    /// Calls `emit` with the evidence of every stored member and vague record, each once, a block at a time,
    /// and has the store write that of the records apart.
    /// - Returns: how many evidence rows of records apart were written.
    func link(_ session: any LinkingSession, emit: ([EvidenceRecord]) throws -> Void) throws -> Int {
        guard var from = try session.firstLinkDay() else { return 0 }
        var apartWritten = 0
        var carried: [LinkRecord] = []
        var vague: [Vague] = []
        let evidence = EventEvidence()
        while true {
            let until = try session.linkBlockEnd(from: from, limit: blockSize)
            var output: [EvidenceRecord] = []
            var members = carried
            for record in try session.linkRecords(firstDays: from..<(until ?? .max), role: nil) {
                switch record.role {
                case .member: members.append(record)
                case .vague: vague.append(Vague(record: record, key: LinkKey(record)))
                case .apart: break
                }
            }
            apartWritten += try session.writeApartEvidence(firstDays: from..<(until ?? .max))
            var linked = MemberPlacement(keys: members.map(LinkKey.init), ids: members.map(\.id), components: true)
            var lastDay: [Int32: Int32] = [:]  // by connected part: the last day any member touches
            for position in members.indices {
                let root = linked.root(of: Int32(position))
                lastDay[root] = max(lastDay[root] ?? .min, members[position].lastDay)
            }
            func isFinal(_ position: Int32) -> Bool { until.map { lastDay[linked.root(of: position)]! < $0 } ?? true }

            var eventIDs: [IncidentID?] = []  // by event number, for final events
            for number in 0..<Int32(linked.placement.eventCount) {
                let order = linked.orderedMembers(of: number)
                guard isFinal(order[0]) else {
                    eventIDs.append(nil)
                    continue
                }
                let id = members[Int(order[0])].id
                eventIDs.append(id)
                output += evidence.records(of: id, members: order.map { members[Int($0)] })
            }
            carried = members.indices.filter { !isFinal(Int32($0)) }.map { members[$0] }
            let horizon = min(until ?? .max, carried.map(\.firstDay).min() ?? .max)
            // Vague records alike in all but id (a dataset's rows of one country and day) describe the same events.
            var describedByKey: [LinkKey: [IncidentID]] = [:]
            for index in vague.indices {
                let key = vague[index].key
                if describedByKey[key] == nil {
                    describedByKey[key] = linked.eventsDescribed(by: key).compactMap { eventIDs[Int($0)] }
                }
                vague[index].described += describedByKey[key]!
            }
            vague.removeAll { entry in
                guard until == nil || entry.record.lastDay < horizon else { return false }
                output += evidence.records(of: entry.record.id, members: [entry.record], mayDescribe: entry.described.sorted())
                return true
            }
            try emit(output)
            guard let until else { return apartWritten }
            from = until
        }
    }
}
