import Testing

@testable import Shared

@Suite("Phone numbers in E.164")
struct PhoneNumberTests {
    @Test("international and national forms", arguments: [
        ("+55 11 99999-9999", "+5511999999999"), ("5511999999999", "+5511999999999"), ("(11) 99999-9999", "+5511999999999"),
        ("11 3333-4444", "+551133334444"), ("0055 11 99999 9999", "+5511999999999"), ("+1 (415) 555-0100", "+14155550100"),
    ])
    func normalises(raw: String, expected: String) {
        #expect(PhoneNumber.e164(raw) == expected)
    }

    @Test("not phone numbers", arguments: ["", "123", "abc", "+12", "99999-9999", "1234567890123456", "call me: 11999999999"])
    func refuses(raw: String) {
        #expect(PhoneNumber.e164(raw) == nil)
    }

    @Test("the default country decides national numbers")
    func defaultCountry() {
        #expect(PhoneNumber.e164("(415) 555-0100", defaultCountry: "US") == "+14155550100")
    }
}
