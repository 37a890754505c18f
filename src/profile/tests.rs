use super::*;

#[test]
fn builtin_profiles_parse() {
    for id in builtin_ids() {
        let p = Profile::builtin(id).unwrap();
        assert_eq!(p.id, id);
    }
}

/// S1: default weights 10 / 50 / 30 / 10, total 100.
#[test]
fn s1_default_weights() {
    let p = Profile::default_profile().unwrap();
    let w: Vec<_> = p.levels.iter().map(|l| (l.name.as_str(), l.weight)).collect();
    assert_eq!(p.execution_weight, Decimal::from(10));
    assert!(w.contains(&("产出指标", Decimal::from(50))));
    assert!(w.contains(&("效益指标", Decimal::from(30))));
    assert!(w.contains(&("满意度指标", Decimal::from(10))));
    let sum: Decimal = p.levels.iter().map(|l| l.weight).sum::<Decimal>() + p.execution_weight;
    assert_eq!(sum, p.total);
}

#[test]
fn level_names_with_suffixes_match() {
    let p = Profile::default_profile().unwrap();
    assert_eq!(p.level_of("经济效益指标").unwrap().name, "效益指标");
    assert_eq!(p.level_of("服务对象满意度指标等").unwrap().name, "满意度指标");
    assert_eq!(p.level_of("成本指标").unwrap().name, "成本指标");
    assert!(p.level_of("其他").is_none());
}

/// S36: caps on the total are profile data, checked when read.
#[test]
fn s36_total_caps_are_checked() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../../profiles/bands-80-50-cap.json")).unwrap();
    let p = Profile::from_json(&v.to_string()).unwrap();
    assert_eq!(p.cap_for("75".parse().unwrap()).map(|c| c.max_total), Some(Decimal::from(89)));
    assert!(p.cap_for(Decimal::from(80)).is_none() && p.cap_for(Decimal::from(69)).is_none());
    v["total_caps"][0]["rate_below"] = serde_json::json!("60");
    assert!(Profile::from_json(&v.to_string()).is_err());
}

/// S26: grade bands are profile data.
#[test]
fn s26_grade_bands() {
    let p = Profile::default_profile().unwrap();
    assert_eq!(p.grade_of(Decimal::from(90)), "优");
    assert_eq!(p.grade_of("89.99".parse().unwrap()), "良");
    assert_eq!(p.grade_of(Decimal::from(60)), "中");
    assert_eq!(p.grade_of("59.99".parse().unwrap()), "差");
    let q = Profile::builtin("bands-80-70-60").unwrap();
    assert_eq!(q.grade_of(Decimal::from(80)), "优");
    assert_eq!(q.grade_of(Decimal::from(75)), "良");
}

/// S36: every built-in profile passes the editor's checks.
#[test]
fn s36_builtin_profiles_are_valid() {
    for p in builtins() {
        assert_eq!(p.validate(), vec![], "{}", p.id);
    }
    assert_eq!(builtins().len(), builtin_ids().len());
}

fn base() -> serde_json::Value {
    serde_json::to_value(Profile::default_profile().unwrap()).unwrap()
}

/// The refusals of the default profile with `path` set to `value`.
fn refused(path: &str, value: serde_json::Value) -> Vec<ProfileError> {
    let mut v = base();
    let slot = path.split('.').fold(&mut v, |v, k| match k.parse::<usize>() {
        Ok(i) => &mut v[i],
        Err(_) => &mut v[k],
    });
    *slot = value;
    Profile::from_value(v).err().unwrap_or_default()
}

/// S36: each bad setting is refused, naming the setting (its JSON path and
/// its Chinese name) and the allowed range; nothing else is refused with it.
#[test]
fn s36_each_bad_setting_is_refused() {
    use serde_json::json;
    let cases: &[(&str, serde_json::Value, &str)] = &[
        ("levels.0.weight", json!("120"), "「产出指标」分值 120 分 超出范围，应在 0 分至 100 分之间"),
        ("levels.2.weight", json!("-1"), "「效益指标」分值 -1 分 超出范围"),
        ("levels.0.weight", json!("五十"), "「产出指标」分值“五十”不是数字，应在 0 分至 100 分之间"),
        ("execution_weight", json!(""), "预算执行率分值“”不是数字"),
        ("execution_weight", json!("101"), "预算执行率分值 101 分 超出范围"),
        ("total", json!("0"), "满分 0 分 超出范围，应在 0 分至 1000 分之间（不含 0 分）"),
        ("grades.1.min", json!("95"), "等级「良」的分数线 95 分 超出范围，应在 0 分至 90 分之间（不含 90 分）"),
        ("grades.0.min", json!("100.5"), "等级「优」的分数线 100.5 分 超出范围"),
        ("grades.1.grade", json!("优"), "第 2 个等级的名称“优”重复"),
        ("over_achievement_factor", json!("0.9"), "超额完成系数 0.9 倍 超出范围，应在 1 倍至 100 倍之间"),
        ("qualitative.achieved_min", json!("1.2"), "定性「达成」档下限 120% 超出范围，应在 0% 至 100% 之间（不含 0%）"),
        (
            "qualitative.partial_min",
            json!("0.85"),
            "定性「部分达成」档下限 85% 超出范围，应在 0% 至 80% 之间（不含 80%）",
        ),
        ("qualitative.achieved_points", json!("0.75"), "定性「达成」默认得分 75% 超出范围，应在 80% 至 100% 之间"),
        (
            "qualitative.partial_points",
            json!("0.8"),
            "定性「部分达成」默认得分 80% 超出范围，应在 60% 至 80% 之间（不含 80%）",
        ),
        (
            "qualitative.not_achieved_points",
            json!("0.6"),
            "定性「未达成」默认得分 60% 超出范围，应在 0% 至 60% 之间（不含 60%）",
        ),
        ("levels.1.share_with", json!("成本指标"), "「成本指标」所计入的指标“成本指标”不是本规则中另一个"),
        ("levels.0.keywords", json!(["产出", " "]), "「产出指标」的关键词中有空的关键词"),
        ("levels.3.name", json!("效益指标"), "第 4 个一级指标的名称“效益指标”重复"),
        ("name", json!(" "), "规则名称不能为空"),
        ("grades", json!([]), "规则配置至少需要一个等级"),
        ("reverse_formula", json!("square"), "规则配置无法读取"),
    ];
    for (path, value, want) in cases {
        let errors = refused(path, value.clone());
        assert_eq!(errors.len(), 1, "{path} = {value}: {errors:?}");
        let path_of = errors[0].field.path();
        if errors[0].field != Field::File && *path != "grades" {
            assert_eq!(path_of, *path);
        }
        assert!(errors[0].message().contains(want), "{path}: {} ≠ {want}", errors[0].message());
    }
}

/// S36: a cap on the total by execution rate needs a band and a total within range.
#[test]
fn s36_caps_are_refused_outside_their_ranges() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../../profiles/bands-80-50-cap.json")).unwrap();
    v["total_caps"][0]["max_total"] = serde_json::json!("120");
    let e = Profile::from_value(v).unwrap_err();
    assert_eq!(e[0].field, Field::CapMaxTotal(0));
    assert!(e[0].message().contains("第 1 条总分封顶的总分上限 120 分 超出范围"), "{}", e[0].message());
}

/// Numbers may be JSON numbers or text with spaces; the profile keeps them as decimals.
#[test]
fn numbers_as_numbers_or_text() {
    let mut v = base();
    v["levels"][0]["weight"] = serde_json::json!(45.5);
    v["execution_weight"] = serde_json::json!(" 14.5 ");
    let p = Profile::from_value(v).unwrap();
    assert_eq!(p.levels[0].weight, "45.5".parse().unwrap());
    assert_eq!(p.execution_weight, "14.5".parse().unwrap());
}

/// The `--profile FILE` path refuses what the editor refuses, with the same words.
#[test]
fn from_json_gives_the_editors_messages() {
    let mut v = base();
    v["levels"][0]["weight"] = serde_json::json!("120");
    let e = Profile::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("「产出指标」分值 120 分 超出范围，应在 0 分至 100 分之间"), "{e}");
}

/// The page's edited copy: id `custom`, named after its base; the JSON it
/// exports reads back as the same profile (the CLI's `--profile FILE`).
#[test]
fn customized_round_trips_through_json() {
    let mut p = Profile::builtin("exec-20").unwrap().customized();
    assert_eq!((p.id.as_str(), p.name.as_str()), (CUSTOM_PROFILE, "自定义（基于 预算执行率 20 分（部分地区））"));
    assert_eq!(p.customized().name, p.name);
    p.levels[0].weight = "35".parse().unwrap();
    p.qualitative.partial_points = "0.65".parse().unwrap();
    let text = serde_json::to_string_pretty(&p).unwrap();
    assert_eq!(Profile::from_json(&text).unwrap(), p);
}
