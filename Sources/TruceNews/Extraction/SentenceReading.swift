import Foundation
import TruceCore

/// One sentence read against a lexicon: the phrases it holds and where, and from them its speaker, the party it
/// says acted, and whether it reports an attack, an agreement's step or a demand.
struct SentenceReading {
    let tokens: [Token]
    let lexicon: Lexicon
    let actions: [PhraseSet.Match]
    let targets: [PhraseSet.Match]
    let parties: [PhraseSet.Match]
    let attackWords: [PhraseSet.Match]
    let haltWords: [PhraseSet.Match]
    /// "would", "could", "threatened to": an attack word right after one did not happen.
    let modalWords: [PhraseSet.Match]
    let speaker: Speaker?

    /// Who a sentence says is speaking, and which tokens name them.
    struct Speaker {
        var name: String
        var party: PartyID?
        var range: Range<Int>
        var stance: Claim.Stance
        /// The party a verb of accusing or denying names ("accused Russia of", "denied that Ukraine").
        var object: PartyID?
        /// The words that attribute ("said", "according to"), which with the name mark when the statement was
        /// made rather than when the act happened ("said on Friday", "On April 6, the ministry reported").
        var verb: Range<Int>

        /// The tokens of the name and its verb, with a few words either side.
        var statement: Range<Int> { min(range.lowerBound, verb.lowerBound)..<max(range.upperBound, verb.upperBound) }
    }

    /// The party said to act in the sentence as a whole, for a clause that names none ("Ukraine fired rockets at
    /// Sudzha and launched 19 drones at a refinery").
    let inheritedAgent: PartyID?
    /// Worked out once, when the sentence is read (see ``findAgent()``, ``findTarget()``, ``findAggregateCount()``,
    /// ``findAgreementNamed()``): extraction asks for each several times.
    private(set) var agent: PartyID?
    private(set) var target: PhraseSet.Match?
    private(set) var aggregateCount: Int?
    private(set) var agreementNamed: AgreementID?

    init(sentence: Sentence, lexicon: Lexicon) {
        self.init(tokens: sentence.tokens, lexicon: lexicon)
    }

    /// Reads `tokens`; a clause of a longer sentence inherits the sentence's speaker (as an assertion, unless the
    /// clause denies) and its agent when it has none of its own.
    init(tokens: [Token], lexicon: Lexicon, inheriting whole: SentenceReading? = nil) {
        self.tokens = tokens
        self.lexicon = lexicon
        actions = lexicon.actions.matches(in: tokens)
        targets = lexicon.targets.matches(in: tokens)
        parties = lexicon.parties.matches(in: tokens)
        attackWords = lexicon.attackVerbs.matches(in: tokens)
        haltWords = lexicon.halt.matches(in: tokens)
        modalWords = lexicon.modals.matches(in: tokens)
        var speaker = SentenceReading.speaker(in: tokens, lexicon: lexicon, parties: parties)
        if speaker == nil, var inherited = whole?.speaker {
            inherited.range = -1..<(-1)
            inherited.verb = -1..<(-1)
            inherited.object = nil
            inherited.stance = lexicon.denial.occurs(in: tokens) ? .denial : .assertion
            speaker = inherited
        }
        self.speaker = speaker
        inheritedAgent = whole?.agent
        agent = findAgent()
        target = findTarget()
        aggregateCount = findAggregateCount()
        agreementNamed = findAgreementNamed()
    }

    /// The clauses of the sentence that each report an attack of their own, split at ", and", "; " and ", saying"
    /// (one clause, the whole sentence, when it reports one).
    var attackClauses: [Range<Int>] {
        var cuts: [Int] = []
        for index in tokens.indices.dropFirst() where tokens[index - 1].key == "," || tokens[index - 1].key == ";" {
            if ["and", "saying", "while", "but", "whereas"].contains(tokens[index].key) || tokens[index - 1].key == ";" { cuts.append(index) }
        }
        var clauses: [Range<Int>] = []
        var start = 0
        for cut in cuts + [tokens.count] {
            let clause = start..<cut
            let attacks = (actions + attackWords).filter { clause.contains($0.range.lowerBound) && !isHalted($0.range) }
            if !attacks.isEmpty {
                clauses.append(clause)
            } else if let last = clauses.popLast() {
                clauses.append(last.lowerBound..<cut)  // a clause without an attack belongs to the one before
            }
            start = cut
        }
        guard clauses.count > 1 else { return [0..<tokens.count] }
        return clauses
    }

    // MARK: Incidents

    /// Whether the sentence reports an attack: an attack word or a weapon, and something attacked (a target, a
    /// toll, a count), not only an agreement to stop attacks ("agreed to halt strikes on energy facilities").
    var isIncident: Bool {
        let attack = (attackWords + actions).filter { !isHalted($0.range) }
        guard !attack.isEmpty else { return false }
        let outcome =
            target != nil || casualties(lexicon.killed) != nil || casualties(lexicon.injured) != nil || aggregateCount != nil
            || agent != nil || speaker?.stance == .denial || attack.contains { aimsAtAName($0.range) }
        return outcome && !isAboutTheAgreement
    }

    /// Whether an attack word is aimed at a name ("an attack on Mykolaiv", "fired at Israel", "strikes in Gaza").
    private func aimsAtAName(_ range: Range<Int>) -> Bool {
        let after = tokens[range.upperBound..<min(tokens.count, range.upperBound + 4)]
        guard let preposition = after.firstIndex(where: { ["on", "at", "against", "in", "into", "across", "near"].contains($0.key) }),
            preposition + 1 < tokens.count
        else { return false }
        let next = tokens[preposition + 1].key == "the" && preposition + 2 < tokens.count ? preposition + 2 : preposition + 1
        return tokens[next].isCapitalised
    }

    /// Whether a halt word governs the attack word at `range` ("halt strikes", "stop attacks on").
    private func isHalted(_ range: Range<Int>) -> Bool {
        haltWords.contains { $0.range.overlaps(range) || ($0.range.upperBound <= range.lowerBound && range.lowerBound - $0.range.upperBound <= 3) }
            || modalWords.contains { $0.range.upperBound <= range.lowerBound && range.lowerBound - $0.range.upperBound <= 2 }
    }

    /// What was attacked: the first target after an attack word (else the first one named), leaving out the actors
    /// themselves ("Russian troops", "Ukrainian forces").
    private func findTarget() -> PhraseSet.Match? {
        let attacked = targets.filter { match in
            guard match.label == "military/personnel", match.range.lowerBound > 0 else { return true }
            return !parties.contains { $0.range.upperBound == match.range.lowerBound }
        }
        let firstAttack = (actions + attackWords).filter { !isHalted($0.range) }.map(\.range.lowerBound).min() ?? 0
        return attacked.first { $0.range.lowerBound > firstAttack } ?? attacked.first
    }

    /// Whether the sentence speaks of the agreement itself: a halt word and a step of an agreement, with no
    /// attack said to have happened.
    private var isAboutTheAgreement: Bool {
        guard !haltWords.isEmpty else { return false }
        let events = lexicon.agreementEvents.matches(in: tokens)
        return !events.isEmpty && attackWords.allSatisfy { isHalted($0.range) }
    }

    /// The sentence's incidents: one, or one per weapon when it counts several ("145 drones and six missiles"),
    /// each an aggregate of its own count.
    func incidents(_ sentence: SentenceReference, place: PlaceMention?, time: TimeMention?) -> [IncidentMention] {
        var counted: [(ActionType, Int)] = []
        for match in actions where match.label != "strike" && match.range.lowerBound > 0 {
            guard let action = ActionType(rawValue: match.label), let count = number(tokens[match.range.lowerBound - 1]),
                !counted.contains(where: { $0.0 == action })
            else { continue }
            counted.append((action, count))
        }
        let one = incident(sentence, place: place, time: time)
        // "X denied striking…, saying Y did it": a denial, and a counter-claim by the same speaker.
        if one.stance == .denial, let agent, agent != one.accused, let speaker, agent != speaker.party || speaker.party == nil {
            var counter = one
            counter.stance = .assertion
            counter.accused = agent
            return [one, counter]
        }
        guard counted.count > 1 else { return [one] }
        return counted.map { action, count in
            var split = one
            split.action = action
            split.aggregateCount = count > 1 ? count : nil
            return split
        }
    }

    func incident(_ sentence: SentenceReference, place: PlaceMention?, time: TimeMention?) -> IncidentMention {
        let action = lexicon.actionOrder.first { label in actions.contains { $0.label == label } }.flatMap(ActionType.init(rawValue:))
        let target = target.map { $0.label.split(separator: "/").map(String.init) }
        let stance = speaker?.stance ?? .assertion
        var accused = agent ?? inheritedAgent
        if stance == .denial {
            accused = speaker?.object ?? speaker?.party
        } else if let object = speaker?.object, speaker?.stance == .assertion {
            accused = accused ?? object
        }
        if accused != nil, accused == speaker?.party, speaker?.object == nil, stance != .denial, !speakerActs {
            // "Ukraine's military said Russian drones..." gives RU; a speaker is never made the accused without
            // a sentence saying it acted.
            accused = agent == speaker?.party ? nil : agent
        }
        var confidence = 0.5
        for present in [target != nil, place?.name != nil, time != nil, accused != nil, speaker != nil] where present { confidence += 0.09 }
        return IncidentMention(
            sentence: sentence, action: action, target: target.flatMap { TargetCategory(rawValue: $0[0]) },
            targetSubtype: target.flatMap { $0.count > 1 ? $0[1] : nil }, place: place, time: time, accused: accused,
            claimant: speaker?.name, claimantParty: speaker?.party, stance: stance, fatalities: casualties(lexicon.killed),
            injured: casualties(lexicon.injured), aggregateCount: aggregateCount, confidence: min(confidence, 0.95))
    }

    /// Whether the speaker's own words say they acted ("Ukraine said it struck a refinery").
    private var speakerActs: Bool {
        guard let speaker else { return false }
        let after = speaker.range.upperBound
        return tokens[min(after, tokens.count)...].prefix(4).contains { ["it", "its", "we", "our"].contains($0.key) }
    }

    /// The party the sentence says acted: one named just before an attack word or weapon ("Russia struck",
    /// "Russian drones", "Ukrainian forces attacked"), or after "by" ("an attack by Russia"), outside the speaker.
    private func findAgent() -> PartyID? {
        let attack = (actions + attackWords).sorted { $0.range.lowerBound < $1.range.lowerBound }
        for party in parties where !(speaker?.range.contains(party.range.lowerBound) ?? false) {
            if party.range.lowerBound > 0, ["by", "from"].contains(tokens[party.range.lowerBound - 1].key) { return PartyID(party.label) }
            if party.range.lowerBound > 1, tokens[party.range.lowerBound - 1].key == "the", tokens[party.range.lowerBound - 2].key == "by" {
                return PartyID(party.label)
            }
            let next = attack.first { $0.range.lowerBound >= party.range.upperBound }
            if let next, next.range.lowerBound - party.range.upperBound <= 2,
                !tokens[party.range.upperBound..<next.range.lowerBound].contains(where: {
                    !$0.isWord || ["on", "in", "at", "against"].contains($0.key)
                })
            {
                // Not the attacked: "attacked Ukraine's grid" names Ukraine after the verb, not before it.
                let before = party.range.lowerBound > 0 ? tokens[party.range.lowerBound - 1].key : ""
                if ["on", "against", "at", "struck", "hit", "attacked", "targeted", "of"].contains(before) { continue }
                return PartyID(party.label)
            }
        }
        return nil
    }

    /// The number of people killed or injured: a number beside one of `words` ("two people were killed", "killing
    /// 12", "12 dead").
    func casualties(_ words: PhraseSet) -> Int? {
        for match in words.matches(in: tokens) {
            let before = tokens[max(0, match.range.lowerBound - 4)..<match.range.lowerBound].reversed().lazy.compactMap(number).first
            // "killed at least 592 people", "killing two", "death toll rose to 12": the number after, past words of
            // measure; else "two people were killed", "12 dead": the number before.
            let measure: Set<String> = ["at", "least", "more", "than", "over", "about", "nearly", "some", "up", "to", "rose", "reached", "almost"]
            let following = tokens[match.range.upperBound...].prefix { measure.contains($0.key) }.count
            let after = tokens[(match.range.upperBound + following)...].first.flatMap(number)
            let found = after ?? before
            if let found { return found }
        }
        return nil
    }

    /// A count before a weapon or attack word ("14 drone attacks", "launched 117 drones"): an aggregate claim.
    private func findAggregateCount() -> Int? {
        for match in actions + attackWords where match.range.lowerBound > 0 {
            if let count = number(tokens[match.range.lowerBound - 1]), count > 1 { return count }
            if match.range.lowerBound > 1, !tokens[match.range.lowerBound - 1].isNumber, let count = number(tokens[match.range.lowerBound - 2]),
                count > 1, tokens[match.range.lowerBound - 1].isWord
            {
                return count
            }
        }
        return nil
    }

    private func number(_ token: Token) -> Int? {
        if let value = Int(token.key.filter { $0 != "," }) { return value < 100_000 ? value : nil }
        return lexicon.numbers[token.key]
    }

    /// The country of the first party named, for the zone of a sentence without a place.
    var firstPartyCountry: String? { parties.first.flatMap { Self.country(of: $0.label) } }

    /// The country of the speaker's party: a ministry reporting attacks on its own country counts its days.
    var speakerCountry: String? { speaker?.party.flatMap { Self.country(of: $0.rawValue) } }

    static func country(of party: String) -> String? { ["UA": "UA", "RU": "RU", "IL": "IL", "HAMAS": "PS"][party] }
}
