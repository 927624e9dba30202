// Messages of the plausibility rules: values far outside the network's, changes beyond a unit's yearly change,
// texts copied into the other language or written in the other script, and networks mixing real and illustrative
// cities.

extension Message {
    // MARK: yearly_change in the framework

    package static func yearlyChangePoints(_ value: String) -> Message {
        Message(
            en: "yearly_change points must be a positive number, found \(value)",
            zh: "yearly_change 的 points 必须是正数，这里写的是 \(value)")
    }
    package static func yearlyChangeFactor(_ value: String) -> Message {
        Message(
            en: "yearly_change factor must be a number above 1, found \(value)",
            zh: "yearly_change 的 factor 必须是大于 1 的数，这里写的是 \(value)")
    }
    package static let yearlyChangeOneOf = Message(
        en: "yearly_change must give exactly one of points (e.g. {points: 15}) or factor (e.g. {factor: 2})",
        zh: "yearly_change 必须且只能写 points（如 {points: 15}）或 factor（如 {factor: 2}）其中之一")

    // MARK: Values

    /// `label` is `rangeLabel` ("1.2.1a", "指标 1.2.1a ").
    package static func farOutside(
        _ label: Message, _ value: Message, above: Bool, firstQuartile: String, thirdQuartile: String, fence: Message
    ) -> Message {
        Message(
            en: "\(label.en) is \(value.en), far \(above ? "above" : "below") the network's values "
                + "(quartiles \(firstQuartile)–\(thirdQuartile), far out \(above ? "above" : "below") \(fence.en))",
            zh: "\(label.zh)是 \(value.zh)，远\(above ? "高" : "低")于网络中的数值"
                + "（四分位数为 \(firstQuartile)–\(thirdQuartile)，极端值的界限为\(above ? "高于" : "低于") \(fence.zh)）")
    }
    package static func fenceMeaning(_ factor: Double, cities: Int, logarithmic: Bool) -> Message {
        let k = NumberText.plain(factor)
        return Message(
            en: "far out is more than \(k) interquartile ranges beyond the quartiles"
                + (logarithmic ? " (on a logarithmic scale)" : "") + " of the latest values of the network's \(cities) cities",
            zh: "极端值指超出四分位数 \(k) 倍四分位距以上的数值" + (logarithmic ? "（按对数尺度计算）" : "")
                + "；四分位数取自网络中 \(cities) 个城市各自的最新数值")
    }
    package static let checkFigure = Message(
        en: "check the figure, its unit and its decimal point (an extra zero?); if it is right, the warning can be ignored",
        zh: "请核对这个数字、它的单位和小数点（是否多写了一个零？）；如果数字没错，可以不理会这条警告")
    package static func changeByPoints(_ change: String, allowed: String, perYear: String, years: Int, unit: String)
        -> Message
    {
        Message(
            en: "a change of \(change), more than the \(allowed) that unit '\(unit)' allows over \(years == 1 ? "a year" : "\(years) years") (\(perYear) a year)",
            zh: "变化了 \(change)，超过单位“\(unit)”在 \(years) 年内允许的 \(allowed)（每年 \(perYear)）")
    }
    package static func changeByFactor(
        _ ratio: String, rising: Bool, allowed: String, perYear: String, years: Int, unit: String
    ) -> Message {
        Message(
            en: "a change by a factor of \(ratio), more than the \(allowed) that unit '\(unit)' allows over \(years == 1 ? "a year" : "\(years) years") (\(perYear) a year)",
            zh: (rising ? "增至原来的 \(ratio) 倍" : "降至原来的 1/\(ratio)")
                + "，超过单位“\(unit)”在 \(years) 年内允许的 \(allowed) 倍（每年 \(perYear) 倍）")
    }
    package static func yearlyJump(
        _ label: Message, from: Message, fromYear: Int, to: Message, toYear: Int, change: Message
    ) -> Message {
        Message(
            en: "\(label.en) went from \(from.en) in \(fromYear) to \(to.en) in \(toYear): \(change.en)",
            zh: "\(label.zh)从 \(fromYear) 年的 \(from.zh) 变为 \(toYear) 年的 \(to.zh)：\(change.zh)")
    }
    package static func earlierValueAt(_ year: Int, _ location: SourceLocation) -> Message {
        Message(en: "the \(year) value is at \(location)", zh: "\(year) 年的数值在 \(location)")
    }
    package static let checkJump = Message(
        en: "check both figures; if the method or definition changed between them, add 'flag: break' to the later year",
        zh: "请核对这两个数字；如果两年之间统计方法或口径变了，请给后一年加上“flag: break”")

    // MARK: Texts

    package static func copiedText(_ what: Message, _ text: String) -> Message {
        Message(
            en: "\(what.en) has the same zh and en text, copied rather than translated: '\(text)'",
            zh: "\(what.zh)的 zh 和 en 文字完全相同，是照抄而不是翻译：“\(text)”")
    }
    package static func translateOrWriteOnce(_ what: Message, single: String) -> Message {
        Message(
            en: "translate it; or, if it reads the same in every language (a name, an abbreviation), write it once without languages: \(single)",
            zh: "请翻译；如果它在各语言中本来就一样（名称、缩写），请不分语言只写一次：\(single)")
    }
    package static func englishInChinese(_ what: Message, _ text: String) -> Message {
        Message(
            en: "the en text of \(what.en) is mostly Chinese characters: '\(text)'",
            zh: "\(what.zh)的 en 文字大部分是汉字：“\(text)”")
    }
    package static func chineseInLatin(_ what: Message, _ text: String) -> Message {
        Message(
            en: "the zh text of \(what.en) has Latin words and no Chinese character: '\(text)'",
            zh: "\(what.zh)的 zh 文字有拉丁字母单词，却没有一个汉字：“\(text)”")
    }
    package static let scriptsSwapped = Message(
        en: "write English after en: and Chinese after zh: (are the two swapped?)",
        zh: "请在 en: 后写英文、在 zh: 后写中文（两者是否写反了？）")

    // MARK: Real and illustrative cities

    package static func realAndIllustrative(real: Int, illustrative: Int) -> Message {
        Message(
            en: "the network has \(real) real and \(illustrative) illustrative cities",
            zh: "网络中既有 \(real) 个真实城市，又有 \(illustrative) 个示例城市")
    }
    package static func illustrativeCityIs(_ file: String) -> Message {
        Message(en: "an illustrative city: \(file)", zh: "示例城市之一：\(file)")
    }
    package static let illustrativeLeftOut = Message(
        en: "illustrative cities are left out of the network's statistics, indicator tables and similar cities; their own profiles are marked as fictional",
        zh: "示例城市不计入网络的统计、指标表格和相似城市；它们自己的城市页面会标明数据是虚构的")
}
