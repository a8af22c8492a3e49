import Foundation

/// The rules that decide whether a comment is shown at once or waits for the programme team.
public enum CommentModeration {
    public static let maximumLength = 5_000
    /// How long an author may edit a comment after posting it.
    public static let editWindow: TimeInterval = 10 * 60
    /// How many comments one person may post in `rateWindow`: enough for a conversation, too few for a flood.
    public static let maximumPerWindow = 10
    public static let rateWindow: TimeInterval = 10 * 60
    /// Distinct members' flags that take a shown comment down until a moderator looks at it.
    public static let flagsToHide = 3

    /// The words a new installation starts with: abuse and the spam of the time. The programme team
    /// keeps the list on the moderation page. Matched as whole words (or phrases).
    public static let startingBlockedWords: [String] = [
        "fuck", "fucking", "shit", "cunt", "bastard", "viagra", "cialis", "casino", "porn", "loan offer",
    ]

    /// Why a comment cannot be posted at all, naming the field; nil when it can.
    public static func problem(with body: String) -> ValidationError? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .invalid(field: "body", reason: "Write a comment") }
        if body.count > maximumLength {
            return .invalid(field: "body", reason: "Keep comments to \(maximumLength) characters (this has \(body.count))")
        }
        return nil
    }

    /// The blocked word a text contains, if any.
    public static func blockedWord(in text: String, from blockedWords: [String]) -> String? {
        let joined = " " + normalised(text) + " "
        return blockedWords.first { !normalised($0).isEmpty && joined.contains(" \(normalised($0)) ") }
    }

    /// Lower case, letters only, single spaces: how texts and blocked words are compared.
    public static func normalised(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter }.joined(separator: " ")
    }

    /// How a new comment starts: moderators' and established members' are shown; a member's first
    /// comments wait until one has been approved; a blocked word holds anyone's.
    public static func initialStatus(
        body: String, blockedWords: [String] = startingBlockedWords, authorHasShownComment: Bool,
        authorIsModerator: Bool
    ) -> (CommentStatus, reason: String?) {
        if let word = blockedWord(in: body, from: blockedWords) { return (.held, "Contains a blocked word (\(word))") }
        if authorIsModerator || authorHasShownComment { return (.shown, nil) }
        return (.held, "A new member's first comment")
    }

    /// What a moderator may do to a comment in a given state.
    public enum Decision: String, Sendable, CaseIterable {
        case approve, reject, hide

        public func resultingStatus(from status: CommentStatus) -> CommentStatus? {
            switch (self, status) {
            case (.approve, .held), (.approve, .hidden): .shown
            case (.reject, .held): .rejected
            case (.hide, .shown): .hidden
            default: nil
            }
        }
    }
}
