import Foundation
import TruceCore

/// Finds what was struck in free text (English, Ukrainian, Russian): "substation" / "підстанція" /
/// "подстанция", "refinery" / "НПЗ". A keyword matches at the start of a word (so "порт" does not match
/// "транспорт"); the first, most specific match in the table wins.
public enum TargetKeywords {
    /// Keyword stems, lower-case, most specific first.
    static let table: [(stems: [String], category: TargetCategory, subtype: String?)] = [
        (["refinery", "нафтопереробн", "нпз", "нефтеперерабатыва"], .energy, "refinery"),
        (["substation", "підстанці", "подстанци"], .energy, "substation"),
        (["transformer", "трансформатор"], .energy, "transformer"),
        (["power line", "transmission line", "лінія електропередач", "лэп", "линия электропередач"], .energy, "transmission_line"),
        (["hydroelectric", "dam ", "dam,", "dam.", "гес ", "дамб", "греблі", "плотин"], .energy, "dam"),
        (["gas metering", "gas measuring", "compressor station", "gas storage", "gas production", "газовимірювальн", "газоизмерительн", "компресорн", "компрессорн", "газосховищ", "газохранилищ"], .energy, "gas_facility"),
        (["gas pipeline", "газопровід", "газопровод"], .energy, "gas_pipeline"),
        (["oil pipeline", "нафтопровід", "нефтепровод"], .energy, "oil_pipeline"),
        (["pumping station", "насосн"], .energy, "pumping_station"),
        (["oil depot", "fuel depot", "oil storage", "tank farm", "нафтобаз", "нефтебаз"], .energy, "oil_storage"),
        (["nuclear power", "power plant", "power station", "thermal plant", "chp", "тэц", "тец", "тэс ", "аэс", "аес", "електростанц", "электростанц"], .energy, "power_plant"),
        (["energy infrastructure", "energy facilit", "енергетичн", "энергетическ"], .energy, nil),
        (["petrol station", "gas station", "fuel station", "азс"], .transport, "fuel_station"),
        (["hospital", "лікарн", "больниц"], .civilian, "hospital"),
        (["school", "школ"], .civilian, "school"),
        (["residential", "apartment", "house", "житлов", "жилой", "жилом"], .civilian, "residential"),
        (["railway", "залізниц", "железн"], .transport, "rail"),
        (["bridge", "мост ", "мосту", "моста"], .transport, "bridge"),
        (["port ", "port.", "port,", "порт ", "порту", "порта", "порті"], .port, "port"),
    ]

    /// The target `text` names, or `nil` when it names none of the known ones.
    public static func target(in text: String) -> Target? {
        let lowered = text.lowercased() + " "
        for entry in table where entry.stems.contains(where: { startsWord($0, in: lowered) }) {
            return Target(category: entry.category, subtype: entry.subtype)
        }
        return nil
    }

    /// Whether `stem` occurs in `text` right after a non-letter (or at the start).
    static func startsWord(_ stem: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: stem, range: searchRange) {
            if found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter { return true }
            searchRange = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }
}
