extension Incident {
    /// The members of ``canonicalJSON`` that a store does not keep in columns of its own, as one JSON object with
    /// one-letter keys in sorted order, each left out when it is empty or absent: `a` the perpetrator's
    /// attribution, `c` the claims, `d` the description, `i` the injured, `n` the target's name, `s` the source
    /// records without their fields (only when `withSources`), `z` the time zone. Strings and claims are written
    /// exactly as ``canonicalJSON`` writes them.
    package func remainderJSON(withSources: Bool) -> String {
        var writer = JSONTextWriter(reserving: 256)
        writer.open("{")
        if let perpetrator, !perpetrator.attributedBy.isEmpty { writer.string("a", perpetrator.attributedBy) }
        if !claims.isEmpty {
            writer.member("c")
            writer.write(claims)
        }
        if !description.isEmpty { writer.string("d", description) }
        writer.integer("i", effects.injured)
        writer.string("n", target.name)
        if withSources {
            writer.member("s")
            writer.open("[")
            for var record in sources {
                record.fields = []
                writer.element()
                writer.write(record)
            }
            writer.close("]")
        }
        writer.string("z", time.timeZone?.rawValue)
        writer.close("}")
        return writer.text
    }
}
