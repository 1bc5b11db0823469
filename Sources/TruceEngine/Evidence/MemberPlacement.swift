import Foundation
import TruceCore

/// The member records of a set of keys placed in events (the rules of ``IncidentLinker``), with the index of
/// where they are and, when asked for, which records are connected by fitting one another.
struct MemberPlacement {
    let keys: [LinkKey]
    let ids: [IncidentID]
    private(set) var placement: Placement
    private(set) var index = LinkIndex()
    /// The connected parts of the graph of members that fit one another, when asked for.
    private(set) var components: UnionFind?
    /// The last looker at each event, for ``eventsFitting(_:looker:)``.
    private var stamp: [Int32]
    private var lookers: Int32 = 0

    /// Places every member of `keys` (ids by position) most precise first, each in the first event it fits.
    /// - Parameter components: whether to work out the connected parts (of a key fitting another) as well.
    init(keys: [LinkKey], ids: [IncidentID], components: Bool = false) {
        self.keys = keys
        self.ids = ids
        placement = Placement(count: keys.count)
        stamp = [Int32](repeating: -1, count: keys.count)
        self.components = components ? UnionFind(count: keys.count) : nil
        let order = Self.placingOrder(keys, ids)
        for position in order {
            var found = eventsFitting(keys[position], connecting: Int32(position))
            found.sort()
            let event = found.first { event in placement.allMembers(of: event) { keys[position].fits(keys[Int($0)]) } }
            placement.place(Int32(position), in: event)
            index.insert(Int32(position), keys[position])
        }
    }

    /// The events in which some placed member fits `key`, each once; with `connecting`, that record is joined
    /// to each of them in ``components``.
    private mutating func eventsFitting(_ key: LinkKey, connecting position: Int32? = nil) -> [Int32] {
        lookers += 1
        let looker = lookers
        var found: [Int32] = []
        // Moved out while the index is read, so that the closure does not reach into `self`.
        var stamp = self.stamp
        var components = self.components
        self.stamp = []
        self.components = nil
        let event = placement.event
        keys.withUnsafeBufferPointer { keys in
            index.forEachCandidate(of: key) { other in
                let event = event[Int(other)]
                if stamp[Int(event)] != looker, key.fits(keys[Int(other)]) {
                    stamp[Int(event)] = looker
                    found.append(event)
                    if let position { components?.union(position, other) }
                }
            }
        }
        self.stamp = stamp
        self.components = components
        return found
    }

    /// The events every member of which fits `key` (a vague record's): the events it may describe.
    mutating func eventsDescribed(by key: LinkKey) -> [Int32] {
        eventsFitting(key).filter { event in placement.allMembers(of: event) { key.fits(keys[Int($0)]) } }
    }

    /// The positions of the records to place in events (not the vague or apart ones), most precise first,
    /// then by start and id.
    private static func placingOrder(_ keys: [LinkKey], _ ids: [IncidentID]) -> [Int] {
        keys.indices.filter { keys[$0].role == .member }.sorted { a, b in
            if keys[a].isPlacedBefore(keys[b]) { return true }
            if keys[b].isPlacedBefore(keys[a]) { return false }
            return ids[a] < ids[b] || (ids[a] == ids[b] && a < b)
        }
    }

    /// The members of event `number`, by start then id.
    func orderedMembers(of number: Int32) -> [Int32] {
        placement.members(of: number).sorted { a, b in
            keys[Int(a)].start < keys[Int(b)].start || (keys[Int(a)].start == keys[Int(b)].start && ids[Int(a)] < ids[Int(b)])
        }
    }
}

/// Disjoint sets of positions, joined by union (by size, with path halving).
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    mutating func root(_ position: Int32) -> Int32 {
        var position = position
        while parent[Int(position)] != position {
            parent[Int(position)] = parent[Int(parent[Int(position)])]
            position = parent[Int(position)]
        }
        return position
    }

    mutating func union(_ a: Int32, _ b: Int32) {
        var (x, y) = (root(a), root(b))
        guard x != y else { return }
        if size[Int(x)] < size[Int(y)] { swap(&x, &y) }
        parent[Int(y)] = x
        size[Int(x)] += size[Int(y)]
    }
}

extension MemberPlacement {
    /// The connected part of the member at `position` (its root); the position itself unless components were
    /// asked for.
    mutating func root(of position: Int32) -> Int32 { components?.root(position) ?? position }
}
