import Foundation
import TruceCore

/// The evidence of the records around some new or changed ones, worked out from the link records of the days
/// they touch (see ``EvidenceLinking``).
struct Neighbourhood {
    let session: any LinkingSession
    /// The ids of the new or changed records.
    let dirty: Set<IncidentID>
    /// Their link records before the change, for those that had one.
    let old: [LinkRecord]
    /// Their link records now.
    let new: [LinkRecord]
    /// The unchanged member records read so far, by id.
    private var clean: [IncidentID: LinkRecord] = [:]
    /// The first days whose member records have been read.
    private var covered: Set<Int32> = []

    init(session: any LinkingSession, dirty: Set<IncidentID>, old: [LinkRecord], new: [LinkRecord]) {
        self.session = session
        self.dirty = dirty
        self.old = old
        self.new = new
    }

    /// The evidence of every record whose evidence may have changed: the new or changed records, the members
    /// connected to them, and the vague records that may describe their events.
    mutating func evidence() throws -> [EvidenceRecord] {
        let part = try connectedMembers()
        var linked = MemberPlacement(keys: part.map(LinkKey.init), ids: part.map(\.id))
        let evidence = EventEvidence()
        var output: [EvidenceRecord] = []
        var eventIDs: [IncidentID] = []
        for number in 0..<Int32(linked.placement.eventCount) {
            let order = linked.orderedMembers(of: number)
            eventIDs.append(part[Int(order[0])].id)
            output += evidence.records(of: eventIDs[Int(number)], members: order.map { part[Int($0)] })
        }
        // Every event that had or has a member here has all its members here: its id is one of these.
        let relinked = dirty.union(part.map(\.id))
        for record in new where record.role == .apart { output += evidence.records(of: record.id, members: [record]) }

        // Unchanged vague records: the entries of events elsewhere stand; those here are found again.
        let touched = Self.ranges(days: (part + old.filter { $0.role == .member }).flatMap { Array($0.firstDay...$0.lastDay) })
        var vague: [IncidentID: LinkRecord] = [:]
        for days in touched {
            for record in try session.vagueLinkRecords(touching: days) where !dirty.contains(record.id) { vague[record.id] = record }
        }
        let stored = Dictionary(
            try session.evidence(ids: vague.keys.sorted()).map { ($0.incident, $0) }, uniquingKeysWith: { first, _ in first })
        for record in vague.values.sorted(by: { $0.id < $1.id }) {
            let kept = stored[record.id]?.mayDescribe.filter { !relinked.contains($0) } ?? []
            let found = linked.eventsDescribed(by: LinkKey(record)).map { eventIDs[Int($0)] }
            output += evidence.records(of: record.id, members: [record], mayDescribe: (kept + found).sorted())
        }

        // Changed vague records: every event they may describe, here or elsewhere.
        let changedVague = new.filter { $0.role == .vague }
        if !changedVague.isEmpty {
            var eventOf: [IncidentID: IncidentID] = [:]  // the new event of each member linked here
            for position in part.indices { eventOf[part[position].id] = eventIDs[Int(linked.placement.event[position])] }
            let described = try describedEvents(changedVague, eventOf: eventOf)
            for record in changedVague {
                output += evidence.records(of: record.id, members: [record], mayDescribe: described[record.id] ?? [])
            }
        }
        return output
    }

    /// The member records connected, by records fitting one another, to an old or new version of a changed
    /// record: the unchanged ones and the changed ones as they are now.
    private mutating func connectedMembers() throws -> [LinkRecord] {
        let changed = (old + new).filter { $0.role == .member }
        var wanted = Set(changed.flatMap { Array($0.firstDay...$0.lastDay) })
        while true {
            try read(touching: wanted)
            let nodes = changed + clean.values.sorted { $0.id < $1.id }
            var linked = MemberPlacement(keys: nodes.map(LinkKey.init), ids: nodes.map(\.id), components: true)
            let roots = Set(changed.indices.map { linked.root(of: Int32($0)) })
            var more = Set<Int32>()
            var part = new.filter { $0.role == .member }
            for position in nodes.indices where roots.contains(linked.root(of: Int32(position))) {
                for day in nodes[position].firstDay...nodes[position].lastDay where !wanted.contains(day) { more.insert(day) }
                if position >= changed.count { part.append(nodes[position]) }
            }
            if more.isEmpty { return part }
            wanted.formUnion(more)
        }
    }

    /// Reads every member record touching a day of `days` (members span at most three days, so those whose
    /// first day is at most two days earlier), keeping the unchanged ones.
    private mutating func read(touching days: Set<Int32>) throws {
        var firstDays = Set<Int32>()
        for day in days {
            for first in (day &- 2)...day where !covered.contains(first) { firstDays.insert(first) }
        }
        for range in Self.ranges(days: Array(firstDays)) {
            for record in try session.linkRecords(firstDays: range.lowerBound..<(range.upperBound &+ 1), role: .member)
            where !dirty.contains(record.id) {
                clean[record.id] = record
            }
            for day in range { covered.insert(day) }
        }
    }

    /// The ids of the events each changed vague record may describe, sorted: events linked here by their
    /// new ids, and events elsewhere as stored, whose members are all unchanged.
    private func describedEvents(_ vague: [LinkRecord], eventOf: [IncidentID: IncidentID]) throws -> [IncidentID: [IncidentID]] {
        // The members whose spans may overlap one of them: in its country, when it has one, or of none.
        var members: [IncidentID: LinkRecord] = [:]
        func keep(_ records: [LinkRecord]) {
            for record in records where !dirty.contains(record.id) { members[record.id] = record }
        }
        func firstDays(_ days: ClosedRange<Int32>) -> Range<Int32> { days.lowerBound..<(days.upperBound == .max ? .max : days.upperBound + 1) }
        let anywhere = Self.merged(vague.filter { $0.country == nil }.map { ($0.firstDay &- 2)...$0.lastDay })
        for days in anywhere { keep(try session.linkRecords(firstDays: firstDays(days), role: .member)) }
        for (country, records) in Dictionary(grouping: vague.filter { $0.country != nil }, by: { $0.country! }) {
            for days in Self.merged(records.map { ($0.firstDay &- 2)...$0.lastDay }) {
                // Already read for the records of no country.
                if anywhere.contains(where: { $0.lowerBound <= days.lowerBound && days.upperBound <= $0.upperBound }) { continue }
                keep(try session.memberLinkRecords(firstDays: firstDays(days), country: country))
            }
        }
        for record in new where record.role == .member { members[record.id] = record }
        let candidates = Array(members.values)
        var index = LinkIndex()
        let keys = candidates.map(LinkKey.init)
        for position in keys.indices { index.insert(Int32(position), keys[position]) }

        var fitting: [IncidentID: [LinkRecord]] = [:]  // by vague record
        var elsewhere = Set<IncidentID>()
        for record in vague {
            let key = LinkKey(record)
            var seen = Set<Int32>()
            index.forEachCandidate(of: key) { position in
                guard seen.insert(position).inserted, key.fits(keys[Int(position)]) else { return }
                fitting[record.id, default: []].append(candidates[Int(position)])
                if eventOf[candidates[Int(position)].id] == nil { elsewhere.insert(candidates[Int(position)].id) }
            }
        }
        // Events elsewhere, as stored: each one's members.
        let groupOf = Dictionary(
            try session.evidence(ids: elsewhere.sorted()).map { ($0.incident, $0.group) }, uniquingKeysWith: { first, _ in first })
        let groups = Set(groupOf.values)
        var membersOf: [IncidentID: [IncidentID]] = [:]
        for record in try session.evidence(groups: groups.sorted()) { membersOf[record.group, default: []].append(record.incident) }
        let known = Dictionary(
            try session.linkRecords(ids: Array(Set(membersOf.values.joined())).sorted()).map { ($0.id, LinkKey($0)) },
            uniquingKeysWith: { first, _ in first })

        let here = Dictionary(grouping: eventOf.keys, by: { eventOf[$0]! })  // members of each event linked here
        var described: [IncidentID: [IncidentID]] = [:]
        for record in vague {
            let key = LinkKey(record)
            var events = Set<IncidentID>()
            for member in fitting[record.id] ?? [] {
                if let event = eventOf[member.id] {
                    events.insert(event)
                } else if let group = groupOf[member.id], !events.contains(group),
                    (membersOf[group] ?? []).allSatisfy({ known[$0].map(key.fits) ?? false })
                {
                    events.insert(group)
                }
            }
            // An event linked here is described only when every one of its members fits.
            described[record.id] = events.filter { event in
                guard let ids = here[event] else { return true }
                return ids.allSatisfy { id in members[id].map { key.fits(LinkKey($0)) } ?? false }
            }.sorted()
        }
        return described
    }

    /// Days as runs of consecutive days.
    static func ranges(days: [Int32]) -> [ClosedRange<Int32>] {
        merged(Set(days).map { $0...$0 })
    }

    /// Ranges of days with those that overlap or meet joined.
    static func merged(_ ranges: [ClosedRange<Int32>]) -> [ClosedRange<Int32>] {
        var runs: [ClosedRange<Int32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = runs.last, Int64(range.lowerBound) <= Int64(last.upperBound) + 1 {
                runs[runs.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                runs.append(range)
            }
        }
        return runs
    }
}
