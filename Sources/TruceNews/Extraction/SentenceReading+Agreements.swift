import Foundation
import TruceCore

/// The steps of agreements and the demands a sentence reports.
extension SentenceReading {

    /// The agreement the sentence names, if any: of several, the one named by the longest phrase ("a 30-day
    /// moratorium on energy infrastructure" is the energy moratorium, not the 30-day ceasefire).
    func findAgreementNamed() -> AgreementID? {
        let matches = lexicon.agreements.matches(in: tokens)
        return matches.max { ($0.range.count, $1.range.lowerBound) < ($1.range.count, $0.range.lowerBound) }?.label
    }

    /// Steps of agreements the sentence reports: one per party when it names several as taking the step ("Moscow
    /// and Kyiv had both pledged"). An agreement the sentence speaks of without naming it ("the limited
    /// ceasefire") is taken to be `inContext`, the one the article last named; in a sentence that reports an
    /// attack, only a step of an agreement it names counts.
    func agreementEvents(_ sentence: SentenceReference, inContext: AgreementID? = nil, besideAnAttack: Bool = false) -> [AgreementEventMention] {
        let events = lexicon.agreementEvents.matches(in: tokens)
        let agreement = agreementNamed
        guard !events.isEmpty, !haltWords.isEmpty || agreement != nil, !besideAnAttack || agreement != nil else { return [] }
        guard let label = Lexicon.eventOrder.first(where: { label in events.contains { $0.label == label } }),
            let event = AgreementEventMention.Event(rawValue: label),
            let match = events.first(where: { $0.label == label })
        else { return [] }
        let outsideSpeaker = { (party: PhraseSet.Match) in !(speaker?.range.contains(party.range.lowerBound) ?? false) }
        // The parties named in the clause before the step ("Moscow and Kyiv had both agreed").
        let start = Self.clauseStart(tokens, before: match.range.lowerBound)
        var acting: [PartyID] = []
        for party in parties where party.range.lowerBound >= start && party.range.upperBound <= match.range.lowerBound && outsideSpeaker(party) {
            if !acting.contains(PartyID(party.label)) { acting.append(PartyID(party.label)) }
        }
        let several = acting.count > 1 && tokens[start..<match.range.lowerBound].contains { ["and", "both"].contains($0.key) }
        let fallback =
            parties.last { $0.range.upperBound <= match.range.lowerBound && outsideSpeaker($0) }.map { PartyID($0.label) } ?? speaker?.party
            ?? parties.first.map { PartyID($0.label) }
        let named: [PartyID?] = several ? acting : [acting.last ?? fallback]
        return named.map { party in
            AgreementEventMention(
                sentence: sentence, event: event, agreement: agreement ?? (haltWords.isEmpty ? nil : inContext), party: party,
                confidence: agreement == nil ? 0.55 : 0.75)
        }
    }

    /// The demands the sentence states: one per tracked condition it names ("an end to mobilization and
    /// rearmament" is two), or one new demand when it names none but speaks of a ceasefire or an agreement.
    func conditions(_ sentence: SentenceReference, inContext: AgreementID? = nil) -> [ConditionMention] {
        guard let demand = lexicon.demands.matches(in: tokens).first else { return [] }
        var tracked: [String] = []
        for match in lexicon.conditions.matches(in: tokens) where !tracked.contains(match.label) { tracked.append(match.label) }
        guard !tracked.isEmpty || !haltWords.isEmpty || agreementNamed != nil else { return [] }
        let party = parties.last { $0.range.upperBound <= demand.range.lowerBound }.map { PartyID($0.label) } ?? speaker?.party
        let named: [String?] = tracked.isEmpty ? [nil] : tracked
        return named.map { condition in
            ConditionMention(
                sentence: sentence, party: party, condition: condition, agreement: agreementNamed ?? inContext,
                confidence: condition == nil ? 0.5 : 0.75)
        }
    }
}
