/// One country's holidays: its subdivisions, categories and the code that adds a year's holidays.
struct CountryDefinition: Sendable {
    /// ISO 3166-1 alpha-2 code.
    let code: String
    /// English name.
    let name: String
    /// Subdivision codes (the part after the dash) and their English names, in display order.
    let subdivisions: [(code: String, name: String)]
    /// Categories beyond `public` that the definition knows.
    let categories: [HolidayCategory]
    /// The first year the rules describe.
    let firstYear: Int
    /// Adds the holidays of the builder's year for `subdivision` (nil for the whole country).
    let populate: @Sendable (inout HolidayBuilder, _ subdivision: String?) throws(HolidayError) -> Void

    init(
        code: String,
        name: String,
        subdivisions: [(code: String, name: String)] = [],
        categories: [HolidayCategory] = [],
        firstYear: Int = 2000,
        populate: @escaping @Sendable (inout HolidayBuilder, _ subdivision: String?) throws(HolidayError) -> Void
    ) {
        self.code = code
        self.name = name
        self.subdivisions = subdivisions
        self.categories = categories
        self.firstYear = firstYear
        self.populate = populate
    }

    /// Every definition the engine has, by country code.
    static let all: [String: CountryDefinition] = Dictionary(
        uniqueKeysWithValues: [
            australia, brazil, canada, china, france, germany, india, ireland, israel, japan, mexico, netherlands,
            newZealand, poland, portugal, singapore, spain, sweden, unitedKingdom, unitedStates,
        ].map { ($0.code, $0) }
    )
}
