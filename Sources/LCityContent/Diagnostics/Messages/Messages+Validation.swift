// Messages of validation: the rules across files (framework ids, references, ranges, years, pages).

extension Message {
    // MARK: The framework

    package static func unitMaxBelowMin(_ id: String, max: String, min: String) -> Message {
        Message(en: "unit '\(id)' has max \(max) below min \(min)", zh: "单位“\(id)”的 max（\(max)）小于 min（\(min)）")
    }
    package static func unitDecimals(_ id: String, _ decimals: Int) -> Message {
        Message(
            en: "unit '\(id)' decimals must be 0–6, found \(decimals)", zh: "单位“\(id)”的 decimals 必须是 0–6，这里写的是 \(decimals)")
    }
    package static func ratingScaleLevels(found: [String]) -> Message {
        Message(
            en: "the rating scale must have the levels 1, 2, 3, 4, 5 once each, found \(found.joined(separator: ", "))",
            zh: "评分等级（rating_scale）必须有 1、2、3、4、5 级，每级一次，这里是 \(found.joined(separator: "、"))")
    }
    package static let kindGroup = Message(en: "group", zh: "组")
    package static let kindFocusArea = Message(en: "focus area", zh: "重点领域")
    package static let kindKeyFeature = Message(en: "key feature", zh: "关键特征")
    package static let kindMeasure = Message(en: "measure", zh: "指标")
    package static func duplicateID(_ kind: Message, _ id: String) -> Message {
        Message(en: "duplicate \(kind.en) id '\(id)'", zh: "\(kind.zh) id“\(id)”重复了")
    }
    package static func idInsideParent(_ kind: Message, _ id: String, prefix: String) -> Message {
        Message(
            en: "\(kind.en) id '\(id)' must be '\(prefix)<number>', inside its parent",
            zh: "\(kind.zh) id“\(id)”必须写成“\(prefix)<数字>”，以它上一级的 id 开头")
    }
    package static func commitmentTaken(_ area: String, _ commitment: Int) -> Message {
        Message(
            en: "focus area \(area) corresponds to commitment \(commitment), which another focus area already has",
            zh: "重点领域 \(area) 对应承诺 \(commitment)，但另一个重点领域已经对应了这条承诺")
    }
    package static func commitmentOutOfRange(_ area: String, _ commitment: Int) -> Message {
        Message(
            en: "focus area \(area) names commitment \(commitment); the declaration has commitments 1–12",
            zh: "重点领域 \(area) 写的是承诺 \(commitment)；宣言只有承诺 1–12")
    }
    package static func measureIDLetter(_ id: String, feature: String) -> Message {
        Message(
            en: "measure id '\(id)' must be its key feature's id followed by one letter (\(feature)a, \(feature)b …)",
            zh: "指标 id“\(id)”必须是所属关键特征的 id 加一个字母（\(feature)a、\(feature)b……）")
    }
    package static func measureMaxBelowMin(_ id: String, max: String, min: String) -> Message {
        Message(en: "measure \(id) has max \(max) below min \(min)", zh: "指标 \(id) 的 max（\(max)）小于 min（\(min)）")
    }
    package static func measureUnknownUnit(_ id: String, _ unit: String) -> Message {
        Message(en: "measure \(id) has unknown unit '\(unit)'", zh: "指标 \(id) 用了未知的单位“\(unit)”")
    }
    package static func measureUnknownBreakdown(_ id: String, _ breakdown: String) -> Message {
        Message(en: "measure \(id) has unknown breakdown '\(breakdown)'", zh: "指标 \(id) 用了未知的分组“\(breakdown)”")
    }

    // MARK: UI strings and pages

    package static func uiStringMissing(_ key: String, in language: String) -> Message {
        Message(en: "UI string '\(key)' is missing in \(language)", zh: "界面文字“\(key)”缺少 \(language) 版本")
    }
    package static func definedIn(_ file: String) -> Message {
        Message(en: "it is defined in \(file)", zh: "它在 \(file) 中有定义")
    }
    package static func pageHasNoVersion(_ name: String, _ language: String) -> Message {
        Message(en: "page '\(name)' has no \(language) version", zh: "页面“\(name)”没有 \(language) 版本")
    }
    package static func addFile(_ file: String) -> Message {
        Message(en: "add \(file)", zh: "请添加 \(file)")
    }
    package static func homePageMissing(_ name: String) -> Message {
        Message(
            en: "home_pages names '\(name)', but there is no content/pages/\(name).<language>.md",
            zh: "home_pages 中写了“\(name)”，但没有 content/pages/\(name).<语言>.md 这个文件")
    }
    package static func commitmentTwice(_ number: Int) -> Message {
        Message(en: "commitment \(number) appears twice in the declaration", zh: "宣言中承诺 \(number) 出现了两次")
    }
    package static func noCommitmentHeading(_ number: Int) -> Message {
        Message(en: "the declaration has no heading for commitment \(number)", zh: "宣言中没有承诺 \(number) 的标题")
    }
    package static func writeCommitmentHeading(_ number: Int) -> Message {
        Message(
            en: "write it as '### \(number). …': focus areas link to #commitment-\(number)",
            zh: "请写成“### \(number). …”：重点领域会链接到 #commitment-\(number)")
    }

    // MARK: Cities

    package static func sameCityName(_ name: String) -> Message {
        Message(en: "another city has the same name '\(name)'", zh: "另一个城市也叫“\(name)”")
    }
    package static func see(_ file: String) -> Message {
        Message(en: "see \(file)", zh: "见 \(file)")
    }
    package static func regionMismatch(_ region: String, country: String, countryRegion: String) -> Message {
        Message(
            en: "region '\(region)' does not match country \(country), which is in '\(countryRegion)'",
            zh: "地区“\(region)”与国家 \(country) 不符：\(country) 属于“\(countryRegion)”")
    }
    package static func countryCodeNotName(_ code: String) -> Message {
        Message(en: "did you mean '\(code)'? (the code, not the name)", zh: "您是不是要写“\(code)”？（写代码，不写国名）")
    }
    package static func unknownCountry(_ code: String) -> Message {
        Message(en: "unknown country code '\(code)'", zh: "未知的国家代码“\(code)”")
    }
    package static let useCountryCode = Message(
        en: "use an ISO 3166-1 alpha-2 code listed in content/countries.yaml",
        zh: "请使用 content/countries.yaml 中列出的 ISO 3166-1 两字母代码")
    package static func unknownRegion(_ region: String) -> Message {
        Message(en: "unknown region '\(region)'", zh: "未知的地区“\(region)”")
    }
    package static func regions(_ ids: [String]) -> Message {
        Message(en: "regions: \(ids.joined(separator: ", "))", zh: "可用的地区：\(ids.joined(separator: "、"))")
    }
    package static func populationNotPositive(_ value: Int) -> Message {
        Message(en: "population must be positive, found \(value)", zh: "“population”（人口）必须大于 0，这里写的是 \(value)")
    }
    package static func joinedImplausible(_ year: Int, since: Int) -> Message {
        Message(
            en: "joined \(year) is not plausible: the network admits members since \(since)",
            zh: "“joined”（加入年份）\(year) 不合理：网络从 \(since) 年起才接纳成员")
    }
    package static let websiteScheme = Message(
        en: "website must be a full web address starting with https:// or http://, without spaces",
        zh: "“website”（网址）必须是以 https:// 或 http:// 开头的完整网址，不能有空格")
    package static func unknownMeasure(_ id: String) -> Message {
        Message(en: "unknown measure id '\(id)'", zh: "未知的指标 id“\(id)”")
    }
    package static func coordinatesSwapped(lat: String, lon: String) -> Message {
        Message(
            en: "latitude and longitude look swapped: did you mean {lat: \(lat), lon: \(lon)}?",
            zh: "纬度和经度好像写反了：您是不是要写 {lat: \(lat), lon: \(lon)}？")
    }
    package static let checkCoordinates = Message(
        en: "check the coordinates (lat: degrees north, negative south; lon: degrees east, negative west); if they are right, the warning can be ignored",
        zh: "请检查坐标（lat 是纬度，北纬为正、南纬为负；lon 是经度，东经为正、西经为负）；如果坐标没错，可以不理会这条警告")
    package static func coordinatesOutside(degrees: String, countryEN: String, countryZH: String, code: String) -> Message {
        Message(
            en: "the coordinates lie \(degrees)° outside \(countryEN) (\(code))",
            zh: "坐标位于\(countryZH)（\(code)）境外 \(degrees)°")
    }
    package static func yearImplausible(_ what: Message, _ year: Int, from: Int, to: Int) -> Message {
        Message(
            en: "\(what.en) \(year) is not plausible (expected \(from)–\(to))",
            zh: "\(what.zh)写的是 \(year)，不合理（应在 \(from)–\(to) 之间）")
    }
    package static func twoObservations(_ measure: String, _ year: Int) -> Message {
        Message(en: "\(measure) has two observations for \(year)", zh: "指标 \(measure) 在 \(year) 年有两条观测值")
    }
    package static func theFirstIsAt(_ location: SourceLocation) -> Message {
        Message(en: "the first is at \(location)", zh: "第一条在 \(location)")
    }
    package static func yearsAscending(_ measure: String, _ year: Int, after previous: Int) -> Message {
        Message(
            en: "\(measure): years should be in ascending order (\(year) after \(previous))",
            zh: "指标 \(measure)：年份应从早到晚排列（\(year) 写在了 \(previous) 之后）")
    }
    package static func noSource(_ measure: String, _ year: Int) -> Message {
        Message(en: "\(measure) \(year) has no source", zh: "指标 \(measure) 的 \(year) 年数据没有注明来源")
    }
    package static let addSource = Message(
        en: "add 'source:' saying where the figure comes from (office, survey, expert panel)",
        zh: "请添加“source:”，说明数据的来源（统计部门、调查或专家组）")
    package static func writeValuesPerCategory(_ measure: String, breakdown: String) -> Message {
        Message(
            en: "\(measure) is broken down by \(breakdown): write 'values' with one number per category",
            zh: "指标 \(measure) 按“\(breakdown)”分组：请写“values”，每个类别一个数字")
    }
    package static func categories(_ ids: [String]) -> Message {
        Message(en: "categories: \(ids.joined(separator: ", "))", zh: "类别：\(ids.joined(separator: "、"))")
    }
    package static func noBreakdown(_ measure: String) -> Message {
        Message(en: "\(measure) has no breakdown: write a single 'value'", zh: "指标 \(measure) 不分组：请只写一个“value”")
    }
    package static func categoryIDNotLabel(_ id: String, label: String) -> Message {
        Message(
            en: "did you mean '\(id)'? (the id; '\(label)' is how pages show it)",
            zh: "您是不是要写“\(id)”？（要写 id；“\(label)”是页面上显示的名称）")
    }
    package static func unknownCategory(_ category: String, breakdown: String, measure: String) -> Message {
        Message(
            en: "unknown \(breakdown) category '\(category)' for \(measure)",
            zh: "指标 \(measure) 的“\(breakdown)”分组中没有类别“\(category)”")
    }
    /// `male (Male / 男), female (…)`: each category id with the names pages show.
    package static func categoriesShown(_ shown: [(id: String, names: [String])]) -> Message {
        Message(
            en: "categories, with how pages show them: "
                + shown.map { "\($0.id) (\($0.names.joined(separator: " / ")))" }.joined(separator: ", "),
            zh: "可用的类别（括号中是页面上显示的名称）："
                + shown.map { "\($0.id)（\($0.names.joined(separator: " / "))）" }.joined(separator: "、"))
    }
    package static func valuesEmpty(_ measure: String) -> Message {
        Message(en: "\(measure) 'values' is empty", zh: "指标 \(measure) 的“values”是空的")
    }
    /// What a value is called in range messages: the measure, or one category of it.
    package static func rangeLabel(_ measure: String, category: String?) -> Message {
        guard let category else { return Message(en: measure, zh: "指标 \(measure) ") }
        return Message(en: "\(measure) '\(category)'", zh: "指标 \(measure) 的“\(category)”")
    }
    package static func ratingNotWhole(_ label: Message, _ value: String) -> Message {
        Message(
            en: "\(label.en) is \(value), a rating must be a whole number from 1 (poor) to 5",
            zh: "\(label.zh)是 \(value)，评分必须是 1（差）到 5 的整数")
    }
    package static let percentageRange = Message(en: "a percentage must be 0–100", zh: "百分比必须在 0–100 之间")
    package static func expectedRange(_ min: String, _ max: String, unitEN: String, unitZH: String) -> Message {
        Message(en: "expected \(min)–\(max) (\(unitEN))", zh: "应在 \(min)–\(max) 之间（\(unitZH)）")
    }
    package static func expectedAtLeast(_ min: String, unitEN: String, unitZH: String) -> Message {
        Message(en: "expected at least \(min) (\(unitEN))", zh: "应不小于 \(min)（\(unitZH)）")
    }
    package static func outOfRange(_ label: Message, _ value: String, expected: Message) -> Message {
        Message(en: "\(label.en) is \(value), \(expected.en)", zh: "\(label.zh)是 \(value)，\(expected.zh)")
    }
    package static func totalDiffersFromSum(_ measure: String, total: String, sum: String) -> Message {
        Message(
            en: "\(measure) total \(total) differs from the sum of its parts (\(sum))",
            zh: "指标 \(measure) 的合计 \(total) 与各部分之和（\(sum)）不相等")
    }
    package static func totalOutsideParts(_ measure: String, total: String, low: String, high: String) -> Message {
        Message(
            en: "\(measure) total \(total) lies outside its parts (\(low)–\(high)); a total rate must lie between them",
            zh: "指标 \(measure) 的合计 \(total) 不在各部分的范围（\(low)–\(high)）之内；合计的比率必须介于它们之间")
    }
}
