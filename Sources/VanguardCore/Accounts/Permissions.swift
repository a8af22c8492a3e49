/// Everything a route can ask permission for. Every route names one; the matrix decides.
public enum Action: String, CaseIterable, Codable, Sendable {
    /// Public pages and the read API.
    case readPublic = "read_public"
    /// Signing up, signing in, resetting a password: only meaningful when signed out, open to all.
    case useAccountForms = "use_account_forms"
    /// One's own account: profile, password, sign out.
    case useOwnAccount = "use_own_account"
    /// Creating and revoking API tokens for a vanguard's data submission.
    case manageTokens = "manage_tokens"
    /// A vanguard's profile: governance and contracting.
    case editVanguardProfile = "edit_vanguard_profile"
    /// Monthly returns for a vanguard's areas (site leads) or any area (programme team).
    case submitReturns = "submit_returns"
    /// A partner organisation's directory entry (its ODS code).
    case editOrganisation = "edit_organisation"
    /// The metric framework: definitions, directions, targets.
    case manageMetrics = "manage_metrics"
    /// The provider → area lookup that importers of provider-level publications use.
    case manageLookups = "manage_lookups"
    /// Calls for applications: creating and changing them, and running their selection.
    case manageCalls = "manage_calls"
    /// Declaring conflicts of interest and scoring the applications one is assigned.
    case assess
    /// Drafting and submitting an application to an open call (any signed-in person may lead one).
    case applyToCalls = "apply_to_calls"
    /// Funding rounds, allocations, tranche releases and reversals.
    case manageFunding = "manage_funding"
    /// Drafting a place's funding plan and its spend returns (a vanguard's by its site lead).
    case draftFundingPlans = "draft_funding_plans"
    /// Signing a funding plan for one's organisation.
    case signFundingPlans = "sign_funding_plans"
    /// Writing posts and case studies (site leads for their vanguard, the programme team for anything).
    case writePosts = "write_posts"
    /// Commenting on posts, replying and flagging comments.
    case comment
    /// Signing up for events and recording that one's organisation or area adopted an innovation.
    case takePart = "take_part"
    /// The comment moderation queue, categories, and sending due digests.
    case moderateLearning = "moderate_learning"
    /// Accounts and role grants.
    case manageAccounts = "manage_accounts"
    /// The audit log.
    case viewAuditLog = "view_audit_log"
    /// The e-mail outbox.
    case viewOutbox = "view_outbox"
    /// Seeing the background job queue and sending failed jobs round again.
    case operateJobs = "operate_jobs"

    public var summary: String {
        switch self {
        case .readPublic: "Read public pages and the read API"
        case .useAccountForms: "Sign up, sign in, reset a password"
        case .useOwnAccount: "See one's own account, change password, sign out"
        case .manageTokens: "Create and revoke API tokens for a vanguard"
        case .editVanguardProfile: "Edit a vanguard's governance and contracting"
        case .submitReturns: "Submit monthly returns for a vanguard's areas"
        case .editOrganisation: "Edit a partner organisation's ODS code"
        case .manageMetrics: "Edit the metric framework"
        case .manageLookups: "Edit the provider-to-area lookup used by imports"
        case .manageCalls: "Create and change calls, and run their selection"
        case .applyToCalls: "Draft and submit applications to open calls"
        case .assess: "Declare conflicts of interest and score assigned applications"
        case .manageFunding: "Open funding rounds, allocate, release and reverse money"
        case .draftFundingPlans: "Draft a place's funding plan and submit its spend returns"
        case .signFundingPlans: "Sign funding plans for one's organisation"
        case .writePosts: "Write posts and case studies (site leads for their vanguard)"
        case .comment: "Comment on posts, reply and flag comments"
        case .takePart: "Sign up for events, record adoptions of innovations"
        case .moderateLearning: "Moderate comments, add categories, send due digests"
        case .manageAccounts: "Manage accounts and assign roles"
        case .viewAuditLog: "Browse the audit log"
        case .viewOutbox: "Read the e-mail outbox"
        case .operateJobs: "See background jobs and retry failed ones"
        }
    }

    /// Whether the action is about one vanguard or organisation, so a scoped role must match it.
    public var scopeKind: Scope.Kind? {
        switch self {
        case .manageTokens, .editVanguardProfile, .submitReturns, .writePosts: .vanguard
        case .editOrganisation, .signFundingPlans: .organisation
        default: nil
        }
    }
}

/// Who may do what: one table, consulted by every route, shown on the permissions page.
public enum PermissionMatrix {
    /// The actions each role allows. Anonymous visitors get `anonymous`; every signed-in account is a member.
    public static let table: [Role: Set<Action>] = [
        // Everything but signing: a plan is signed by each partner's own signatory, never on their behalf.
        .programmeTeam: Set(Action.allCases).subtracting([.signFundingPlans]),
        .assessor: [.readPublic, .useAccountForms, .useOwnAccount, .applyToCalls, .assess, .comment, .takePart],
        .siteLead: [
            .readPublic, .useAccountForms, .useOwnAccount, .manageTokens, .editVanguardProfile, .submitReturns, .applyToCalls,
            .draftFundingPlans,
            .writePosts, .comment, .takePart,
        ],
        .partnerSignatory: [
            .readPublic, .useAccountForms, .useOwnAccount, .editOrganisation, .applyToCalls, .signFundingPlans, .comment, .takePart,
        ],
        .member: [.readPublic, .useAccountForms, .useOwnAccount, .applyToCalls, .draftFundingPlans, .comment, .takePart],
    ]

    public static let anonymous: Set<Action> = [.readPublic, .useAccountForms]

    /// Whether someone holding `grants` (nil when not signed in) may do `action`, on `scope` when the
    /// action is about one vanguard or organisation. Without a scope, a scoped action is allowed when
    /// some grant could do it somewhere (e.g. to list one's own tokens).
    public static func allows(_ grants: [RoleGrant]?, _ action: Action, on scope: Scope? = nil) -> Bool {
        guard let grants else { return anonymous.contains(action) }
        let held = grants + [try! RoleGrant(role: .member, scope: nil)]  // member is unscoped: cannot throw
        return held.contains { grant in
            guard table[grant.role]?.contains(action) == true else { return false }
            guard grant.role.scopeKind != nil, action.scopeKind != nil, let scope else { return true }
            return grant.scope == scope
        }
    }
}

extension PermissionMatrix {
    /// The areas whose monthly returns `grants` may write: nil for every area (the programme team),
    /// else the areas each of the caller's vanguards stewards. An area's steward is the vanguard
    /// covering it with the smallest footprint (Wirral for Wirral, not the ten-area network that
    /// also covers it), so one site can never overwrite figures a more local site is judged on;
    /// where no single vanguard is the smallest (E38000243 is one area of four vanguards), only the
    /// programme team writes.
    public static func writableAreas(_ grants: [RoleGrant], footprints: [Int: Set<String>]) -> Set<String>? {
        if grants.contains(where: { $0.role == .programmeTeam }) { return nil }
        let led = Set(
            grants.compactMap { grant -> Int? in
                guard grant.role == .siteLead, case .vanguard(let number) = grant.scope else { return nil }
                return number
            })
        return Set(
            led.flatMap { number in
                (footprints[number] ?? []).filter { steward(of: $0, footprints: footprints) == number }
            })
    }

    /// The vanguard that writes an area's returns besides the programme team, if exactly one does.
    public static func steward(of area: String, footprints: [Int: Set<String>]) -> Int? {
        let covering = footprints.filter { $0.value.contains(area) }.map { (size: $0.value.count, number: $0.key) }.sorted {
            $0.size < $1.size
        }
        guard let first = covering.first else { return nil }
        if covering.count > 1, covering[1].size == first.size { return nil }
        return first.number
    }

    /// Whether a token may act now: a vanguard's token while its owner still leads that vanguard
    /// (or is on the programme team), a programme token while its owner is on the programme team.
    /// Asked at every request, so revoking a role disarms every token that relied on it.
    public static func tokenMayAct(ownerGrants: [RoleGrant], vanguard: Int?) -> Bool {
        if ownerGrants.contains(where: { $0.role == .programmeTeam }) { return true }
        guard let vanguard else { return false }
        return ownerGrants.contains { $0.role == .siteLead && $0.scope == .vanguard(vanguard) }
    }

    /// The words the permissions page shows for the rules that depend on data, not only on the role.
    public static let dataRules = [
        "Monthly returns: a site lead writes the areas their vanguard stewards — those where it is the covering vanguard with the smallest footprint (an area is shared by up to five); where no single vanguard is smallest, only the programme team writes the area.",
        "Funding plans: the lead who started a plan changes it while they still hold its vanguard's site-lead role (any member may lead a partnership that is not a vanguard); the programme team may change any plan.",
        "Signing a funding plan: only a partner organisation's own signatory signs for it; nobody, the programme team included, signs on its behalf.",
        "API tokens act only while their owner still holds the role they act with, and expire.",
    ]
}
