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

@Suite("Brazilian mobiles and canonical user ids")
struct BrazilianMobileTests {
    @Test("an eight-digit mobile gets its ninth digit; landlines and other countries stay", arguments: [
        ("551187654321", "5511987654321"), ("5521912345678", "5521912345678"), ("5511987654321", "5511987654321"),
        ("551133334444", "551133334444"), ("551123456789", "551123456789"), ("14155550100", "14155550100"), ("441187654321", "441187654321"),
    ])
    func ninthDigit(raw: String, expected: String) {
        #expect(PhoneNumber.brazilianMobile(raw) == expected)
    }

    @Test("E.164 keeps the nine-digit form of Brazilian mobiles")
    func e164() {
        #expect(PhoneNumber.e164("+55 11 8765-4321") == "+5511987654321")
        #expect(PhoneNumber.e164("11 8765-4321") == "+5511987654321")
        #expect(PhoneNumber.e164("+55 11 3333-4444") == "+551133334444")
    }

    @Test("both WhatsApp forms of one mobile are one user id")
    func userIDs() {
        #expect(UserID.canonical("whatsapp:551187654321") == "whatsapp:5511987654321")
        #expect(UserID.canonical("whatsapp:5511987654321") == "whatsapp:5511987654321")
        #expect(UserID.canonical("telegram:551187654321") == "telegram:551187654321")
        #expect(UserID.canonical("user_123") == "user_123")
    }
}
