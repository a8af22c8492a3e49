import Foundation
import Testing

@testable import VanguardCore

@Suite struct MailMessageTests {
    let date = Date(timeIntervalSince1970: 1_440_000_000)  // Wed, 19 Aug 2015 16:00:00 +0000

    @Test func rendersHeadersAndDotStuffsTheBody() {
        let message = MailMessage(
            from: "vanguard@example.nhs.uk", to: "grace@example.nhs.uk", subject: "Confirm",
            body: "Hello\n.hidden line\nbye", date: date, messageID: "1@vanguard")
        #expect(
            message.data
                == [
                    "From: vanguard@example.nhs.uk", "To: grace@example.nhs.uk", "Subject: Confirm",
                    "Date: Wed, 19 Aug 2015 16:00:00 +0000",
                    "Message-ID: <1@vanguard>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: 8bit", "",
                    "Hello", "..hidden line", "bye", ".", "",
                ].joined(separator: "\r\n"))
    }

    @Test func headersCannotBeInjected() {
        let message = MailMessage(
            from: "a@b.nhs.uk", to: "x@y.nhs.uk\r\nBcc: everyone@example.com", subject: "Hi\nBcc: z@z.com",
            body: "", date: date, messageID: "2@vanguard")
        #expect(!message.data.contains("\r\nBcc:"))
        #expect(message.data.contains("To: x@y.nhs.uk  Bcc: everyone@example.com\r\n"))
    }

    @Test func nonASCIISubjectsAreEncoded() {
        let message = MailMessage(from: "a@b.nhs.uk", to: "c@d.nhs.uk", subject: "Café – update", body: "", date: date, messageID: "3@v")
        #expect(message.data.contains("Subject: =?utf-8?B?\(Data("Café – update".utf8).base64EncodedString())?="))
    }
}

@Suite struct ListUnsubscribeHeaderTests {
    @Test func aListMessageCarriesTheOneClickHeaders() {
        let message = MailMessage(
            from: "vanguard@test.nhs.uk", to: "a@example.nhs.uk", subject: "Digest", body: "Hello", date: Date(timeIntervalSince1970: 0),
            messageID: "1@vanguard", listUnsubscribe: "https://vanguard.test/learning/unsubscribe/abc/one-click\r\nBcc: x@evil.test")
        #expect(
            message.data.contains("\r\nList-Unsubscribe: <https://vanguard.test/learning/unsubscribe/abc/one-click  Bcc: x@evil.test>\r\n"))
        #expect(message.data.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nHello"))
        let plain = MailMessage(
            from: "v@t", to: "a@t", subject: "s", body: "b", date: Date(timeIntervalSince1970: 0), messageID: "2@vanguard")
        #expect(!plain.data.contains("List-Unsubscribe"))
    }
}
