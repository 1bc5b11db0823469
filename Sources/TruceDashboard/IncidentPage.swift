import Foundation
import TruceApp
import TruceCore

/// What the incident page shows: the explanation of its verdicts, and its review when the reader is a reviewer.
public struct IncidentPageData: Sendable {
    public var explanation: Explanation
    /// Earlier versions of the incident kept in its history.
    public var versions: Int
    /// The record's review state and history; `nil` when the reader may not review.
    public var review: (status: ReviewStatus, history: [ReviewEntry])?
    /// What the reader's last review action came to, when it was refused.
    public var notice: String?
    /// Whether the reader has just submitted this observation (the page then says it is stored).
    public var submitted: Bool

    public init(
        explanation: Explanation, versions: Int, review: (status: ReviewStatus, history: [ReviewEntry])?, notice: String? = nil,
        submitted: Bool = false
    ) {
        self.explanation = explanation
        self.versions = versions
        self.review = review
        self.notice = notice
        self.submitted = submitted
    }
}

extension Dashboard {
    /// An incident's page: what happened, its claims and who makes them, its source records verbatim, each verdict
    /// clause by clause, the records linked with it, and (for reviewers) its review with the actions they may take.
    public func incidentPage(_ data: IncidentPageData, at now: Date, for request: PageRequest) throws
        -> String
    {
        let language = request.language
        let incident = data.explanation.incident
        let zone = incident.time.timeZone ?? .utc
        let claims = incident.claims.map { claim in
            ClaimRow(
                claimant: claim.claimant, party: claim.claimantParty?.rawValue ?? label("claim_independent", language),
                stance: label("stance_\(claim.stance.rawValue)", language), accused: claim.accused?.rawValue ?? "–", source: claim.source?.url)
        }
        let sources = incident.sources.map { record in
            SourceBlock(
                heading: "\(record.dataset) · \(record.file):\(record.line) · \(record.key)\(record.release.map { " · \($0)" } ?? "")",
                fields: record.fields.map { FieldRow(name: $0.name, value: $0.value) })
        }
        let verdicts = data.explanation.verdicts.filter { $0.kind != .outOfScope || $0.check(.relevance) != nil }.map { verdict in
            VerdictBlock(
                agreement: verdict.agreement, href: Self.href("/agreements/\(verdict.agreement)", [("lang", language.rawValue)]),
                kind: label("verdict_\(verdict.kind.rawValue)", language), kindCode: verdict.kind.rawValue,
                checks: verdict.checks.map {
                    CheckRow(
                        clause: label("clause_\($0.clause.rawValue)", language), outcome: label("outcome_\($0.outcome.rawValue)", language),
                        outcomeCode: $0.outcome.rawValue, reason: $0.reason)
                })
        }
        // A monitor's evidence files, by their names in the observation's source record: the server shows each
        // reader what they may see of them (reviewers the original, others a photo without its metadata).
        let files = incident.sources.filter { $0.dataset == Observations.dataset }.flatMap { record in
            record.fields.filter { $0.name == "evidence" }.flatMap { $0.value.split(separator: " ").map(String.init) }
        }.map { EvidenceLink(href: "/api/v1/evidence/\($0)", name: String($0.prefix(12))) }
        let linked = data.explanation.linkedWith.map { LinkRow(id: $0, href: Self.href("/incidents/\($0)", [("lang", language.rawValue)])) }
        let review = data.review.map { review in
            let lock = review.status.lock(at: now)
            return ReviewBlock(
                state: label("review_\(review.status.state.rawValue)", language),
                lock: lock.map { "\(label("review_heldBy", language)) \($0.holder) · \(TimeFormatting.utc($0.expires))" },
                history: review.history.map {
                    ReviewRow(
                        at: TimeFormatting.utc($0.at), reviewer: $0.reviewer, action: label("action_\($0.action.rawValue)", language), note: $0.note)
                },
                form: request.viewer?.csrfToken.map { token in
                    ReviewForm(
                        href: Self.href("/incidents/\(incident.id)/review", [("lang", language.rawValue)]), csrf: token,
                        actions: ReviewAction.allCases.map { ActionOption(value: $0.rawValue, label: label("action_\($0.rawValue)", language)) })
                })
        }
        let content = IncidentContent(
            id: incident.id,
            when: "\(TimeFormatting.span(incident.time.span, in: zone)) (\(label("precision", language)): \(incident.time.precision.rawValue))",
            whenUTC: TimeFormatting.span(incident.time.span, in: nil),
            place: [incident.location.place, incident.location.admin1.map { PlaceNames.region($0, in: language) }, incident.location.country]
                .compactMap { $0 }.joined(separator: ", "),
            what: [
                incident.action.map { label("act_\($0.rawValue)", language) }, incident.target.category.map { label("cat_\($0.rawValue)", language) },
                incident.target.subtype.map { catalogue.labels(in: language)["sub_\($0)"] ?? $0 },
            ].compactMap { $0 }.joined(separator: " · "),
            perpetrator: incident.perpetrator.map { "\($0.party) (\($0.attributedBy))" } ?? "–", description: incident.description,
            evidence: data.explanation.evidence.map { label("evidence_\($0.level.rawValue)", language) } ?? "–",
            claims: claims, sources: sources, verdicts: verdicts, linked: linked, noLinks: linked.isEmpty, versions: data.versions, review: review,
            notice: data.notice, submitted: data.submitted, files: files, hasFiles: !files.isEmpty)
        return try render("incident", title: incident.id, content: content, for: request)
    }

    struct IncidentContent {
        var id: String
        var when: String
        var whenUTC: String
        var place: String
        var what: String
        var perpetrator: String
        var description: String
        var evidence: String
        var claims: [ClaimRow]
        var sources: [SourceBlock]
        var verdicts: [VerdictBlock]
        var linked: [LinkRow]
        var noLinks: Bool
        var versions: Int
        var review: ReviewBlock?
        var notice: String?
        var submitted: Bool
        var files: [EvidenceLink]
        var hasFiles: Bool
    }

    struct EvidenceLink {
        var href: String
        var name: String
    }

    struct ClaimRow {
        var claimant: String
        var party: String
        var stance: String
        var accused: String
        var source: String?
    }

    struct SourceBlock {
        var heading: String
        var fields: [FieldRow]
    }

    struct FieldRow {
        var name: String
        var value: String
    }

    struct VerdictBlock {
        var agreement: String
        var href: String
        var kind: String
        var kindCode: String
        var checks: [CheckRow]
    }

    struct CheckRow {
        var clause: String
        var outcome: String
        var outcomeCode: String
        var reason: String
    }

    struct LinkRow {
        var id: String
        var href: String
    }

    struct ReviewBlock {
        var state: String
        var lock: String?
        var history: [ReviewRow]
        /// The form of the actions a reviewer signed in with a browser session may take.
        var form: ReviewForm?
    }

    struct ReviewForm {
        var href: String
        var csrf: String
        var actions: [ActionOption]
    }

    struct ActionOption {
        var value: String
        var label: String
    }

    struct ReviewRow {
        var at: String
        var reviewer: String
        var action: String
        var note: String
    }
}
