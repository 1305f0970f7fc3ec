/// Phone numbers in E.164 (API.md Precise rules): a number written with `+`, or of 12–15
/// digits, already has its country code; a national number of 10–11 digits gets the
/// default country's code; anything else is not a phone number.
public enum PhoneNumber {
    /// Calling codes of the countries `DEFAULT_COUNTRY` may name.
    static let callingCodes: [String: String] = [
        "BR": "55", "US": "1", "CA": "1", "PT": "351", "AR": "54", "MX": "52", "ES": "34", "CO": "57", "CL": "56",
        "PE": "51", "UY": "598", "PY": "595", "BO": "591", "GB": "44", "DE": "49", "FR": "33", "IT": "39",
    ]

    public static func e164(_ raw: String, defaultCountry: String = "BR") -> String? {
        // Byte by byte: this runs for every webhook message.
        let trimmed = raw.utf8.drop { $0 == UInt8(ascii: " ") }
        let allowed = Array(" +-().".utf8)
        guard trimmed.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || allowed.contains($0) }) else { return nil }
        let international = trimmed.first == UInt8(ascii: "+") || trimmed.starts(with: "00".utf8)
        var digits = trimmed.filter { $0 >= 0x30 && $0 <= 0x39 }
        if trimmed.starts(with: "00".utf8) { digits.removeFirst(2) }
        if international || (12...15).contains(digits.count) {
            return (8...15).contains(digits.count) ? "+" + brazilianMobile(String(decoding: digits, as: UTF8.self)) : nil
        }
        if (10...11).contains(digits.count), let code = callingCodes[defaultCountry.uppercased()] {
            if digits.first == UInt8(ascii: "0") { digits.removeFirst() }
            return "+" + brazilianMobile(code + String(decoding: digits, as: UTF8.self))
        }
        return nil
    }

    /// A Brazilian mobile in its nine-digit form. WhatsApp may send `55 DD XXXX-XXXX` for a
    /// mobile whose number is `55 DD 9XXXX-XXXX`; mobiles start with 6–9 after the area code
    /// (landlines with 2–5), so the eight-digit form of a mobile gets its 9 back. Anything
    /// else is returned as it is.
    public static func brazilianMobile(_ digits: String) -> String {
        let d = Array(digits.utf8)
        guard d.count == 12, d[0] == UInt8(ascii: "5"), d[1] == UInt8(ascii: "5"), d.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            d[2] != UInt8(ascii: "0"), d[3] != UInt8(ascii: "0"), (UInt8(ascii: "6")...UInt8(ascii: "9")).contains(d[4])
        else { return digits }
        return String(digits.prefix(4)) + "9" + String(digits.dropFirst(4))
    }
}

/// User ids in their canonical form (API.md Precise rules): a WhatsApp user is
/// `whatsapp:<wa_id>` with a Brazilian mobile always in its nine-digit form, so both forms
/// that WhatsApp may send, and both forms a flow may ask for, are one user.
public enum UserID {
    public static func canonical(_ id: String) -> String {
        guard id.hasPrefix("whatsapp:") else { return id }
        let number = id.dropFirst("whatsapp:".count)
        guard number.count == 12, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return id }
        return "whatsapp:" + PhoneNumber.brazilianMobile(String(number))
    }
}
