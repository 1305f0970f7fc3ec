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
        let trimmed = raw.trimmingPrefix { $0 == " " }
        let international = trimmed.hasPrefix("+") || trimmed.hasPrefix("00")
        var digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        guard trimmed.allSatisfy({ $0.isNumber || " +-().".contains($0) }) else { return nil }
        if trimmed.hasPrefix("00") { digits.removeFirst(2) }
        if international || (12...15).contains(digits.count) {
            return (8...15).contains(digits.count) ? "+" + digits : nil
        }
        if (10...11).contains(digits.count), let code = callingCodes[defaultCountry.uppercased()] {
            if digits.hasPrefix("0") { digits.removeFirst() }
            return "+" + code + digits
        }
        return nil
    }
}
