import TruceCore
import Yams

/// Writes an agreement as YAML in the catalogue's format, so that reading it back gives an equal value.
public enum AgreementWriter {
    /// The agreement as a YAML document.
    /// - Throws: `YamlError` if the emitter fails (it does not for well-formed agreements).
    public static func yaml(for agreement: Agreement) throws -> String {
        try Yams.serialize(node: node(for: agreement), width: 100, allowUnicode: true, sortKeys: false)
    }

    static func node(for agreement: Agreement) -> Node {
        var pairs: [(String, Node?)] = [
            ("id", text(agreement.id)),
            ("title", text(agreement.title)),
            ("kind", text(agreement.kind.rawValue)),
            ("summary", agreement.summary.map(text)),
            ("time_zone", text(agreement.timeZone.rawValue)),
            (
                "parties",
                list(
                    agreement.parties.map { party in
                        mapping([("id", text(party.id.rawValue)), ("name", text(party.name)), ("role", text(party.role.rawValue))])
                    })
            ),
            ("window", window(agreement.window, partyWindows: agreement.partyWindows)),
        ]
        if !agreement.clauses.isEmpty {
            pairs.append(
                (
                    "clauses",
                    list(
                        agreement.clauses.map { clause in
                            mapping([("kind", text(clause.kind.rawValue)), ("text", text(clause.text)), ("source", source(clause.source))])
                        })
                ))
        }
        if agreement.scope != Scope() { pairs.append(("scope", scope(agreement.scope))) }
        pairs.append(
            (
                "status",
                list(
                    agreement.statusHistory.map { event in
                        mapping([
                            ("at", text(event.at.description)), ("status", text(event.status.rawValue)),
                            ("party", event.party.map { text($0.rawValue) }), ("note", event.note.map(text)), ("source", source(event.source)),
                        ])
                    })
            ))
        if !agreement.conditions.isEmpty {
            pairs.append(
                (
                    "conditions",
                    list(
                        agreement.conditions.map { condition in
                            mapping([
                                ("id", text(condition.id)), ("holder", text(condition.holder.rawValue)), ("kind", text(condition.kind.rawValue)),
                                ("text", text(condition.text)), ("state", text(condition.state.rawValue)), ("source", source(condition.source)),
                            ])
                        })
                ))
        }
        if !agreement.sources.isEmpty { pairs.append(("sources", list(agreement.sources.compactMap(source)))) }
        return mapping(pairs)
    }

    private static func window(_ window: AgreementWindow, partyWindows: [PartyWindow]) -> Node {
        var pairs: [(String, Node?)] = [("start", window.start.map { text($0.description) })]
        pairs += end(window.end)
        pairs += [
            ("time_zone", window.timeZone.map { text($0.rawValue) }), ("note", window.note.map(text)),
            ("source", source(window.source)),
        ]
        if !partyWindows.isEmpty {
            pairs.append(
                (
                    "by_party",
                    list(
                        partyWindows.map { own in
                            var entry: [(String, Node?)] = [("party", text(own.party.rawValue)), ("start", own.start.map { text($0.description) })]
                            if let ownEnd = own.end { entry += end(ownEnd) }
                            entry += [
                                ("time_zone", own.timeZone.map { text($0.rawValue) }), ("note", own.note.map(text)), ("source", source(own.source)),
                            ]
                            return mapping(entry)
                        })
                ))
        }
        return mapping(pairs)
    }

    private static func end(_ end: AgreementWindow.End) -> [(String, Node?)] {
        switch end {
        case .open: return []
        case .at(let time): return [("end", text(time.description))]
        case .after(let duration): return [("duration", text(duration.description))]
        }
    }

    private static func scope(_ scope: Scope) -> Node {
        func area(_ area: GeoArea) -> Node {
            let value: Node =
                area.kind == .polygon
                ? list(area.ring.map { Node([Node(String($0.longitude)), Node(String($0.latitude))], .implicit, .flow) })
                : text(area.code)
            return mapping([(area.kind.rawValue, value), ("name", area.name.map(text))])
        }
        var pairs: [(String, Node?)] = []
        if !scope.include.isEmpty || !scope.exclude.isEmpty {
            pairs.append(
                (
                    "geography",
                    mapping([
                        ("include", scope.include.isEmpty ? nil : list(scope.include.map(area))),
                        ("exclude", scope.exclude.isEmpty ? nil : list(scope.exclude.map(area))),
                    ])
                ))
        }
        if !scope.targets.isEmpty {
            pairs.append(
                (
                    "targets",
                    list(
                        scope.targets.map { target in
                            mapping([
                                ("category", text(target.category.rawValue)),
                                ("subtypes", target.subtypes.isEmpty ? nil : Node(target.subtypes.map { Node($0) }, .implicit, .flow)),
                                ("including", target.including.isEmpty ? nil : Node(target.including.map { Node($0) }, .implicit, .flow)),
                                ("source", source(target.source)),
                            ])
                        })
                ))
        }
        if !scope.actions.isEmpty {
            pairs.append(("actions", Node(scope.actions.map { Node($0.rawValue) }, .implicit, .flow)))
        }
        if scope.attempts != .violate { pairs.append(("attempts", text(scope.attempts.rawValue))) }
        if !scope.exceptions.isEmpty {
            pairs.append(("exceptions", list(scope.exceptions.map { mapping([("text", text($0.text)), ("source", source($0.source))]) })))
        }
        return mapping(pairs)
    }

    private static func source(_ source: SourceReference?) -> Node? {
        guard let source else { return nil }
        return mapping([
            ("url", text(source.url)), ("published", source.published.map(text)), ("publisher", source.publisher.map(text)),
            ("title", source.title.map(text)), ("quote", source.quote.map(text)),
        ])
    }

    private static func mapping(_ pairs: [(String, Node?)]) -> Node {
        Node(pairs.compactMap { key, value in value.map { (Node(key), $0) } })
    }

    private static func list(_ nodes: [Node]) -> Node { Node(nodes) }

    /// A string scalar that reads back as the same string: quoted when plain YAML would read it as
    /// something else (a number, a boolean, null).
    private static func text(_ value: String) -> Node {
        let plain = Node(value)
        let readsAsString = Resolver.default.resolveTag(of: plain) == .str
        let padded = value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return Node(value, .implicit, readsAsString && !padded ? .any : .doubleQuoted)
    }
}
