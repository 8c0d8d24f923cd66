using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// Development-only price lists of fictional Guiyang institutions: items with plausible prices and a price history,
/// plots of several types (some under warning), price changes approved, rejected and waiting, and a year of bills
/// so the statistics mean something. Idempotent (nothing happens once any institution has a profile) and cheap:
/// everything is built in memory and saved in one round of inserts. Demo bills refer to death cases imported from
/// the institutions' own records: those case ids are not in the demo's case list.
/// </summary>
public static class PricingDemoData
{
    private const string Supervisor = "周文静（监管）";

    private sealed record PlotSpec(PlotType Type, decimal Area, decimal MaintenancePerYear, int Term, bool PublicWelfare);

    private sealed record ItemSpec(
        string Code, string Name, PriceCategory Category, string Unit, decimal Price, PricingMode Mode,
        decimal? Cap = null, decimal? Min = null, decimal? Max = null, bool Free = false, decimal? SubsidyCap = null,
        PlotSpec? Plot = null, (int MonthsAgo, decimal Price)[]? Earlier = null);

    private sealed record InstitutionSpec(string OrgCode, InstitutionType Type, CemeteryKind? Kind, string Address, string Phone, string Basis, string Staff, ItemSpec[] Items);

    private const string BasicLaw = "《殡葬管理条例》（2026年修订）第二十三条；贵州省基本殡葬服务收费标准";
    private const string RangeLaw = "《殡葬管理条例》；贵阳市殡葬服务参考价格区间（2025年版）；《明码标价和禁止价格欺诈规定》";
    private const string MarketLaw = "《中华人民共和国价格法》；《明码标价和禁止价格欺诈规定》";
    private const string PlotLaw = "《殡葬管理条例》；《贵州省公墓管理办法》；贵阳市公墓价格管理规定";

    private static ItemSpec[] FuneralHomeItems(decimal f, string staffHall) =>
    [
        new("basic.transport", "遗体接运（市区 10 公里内）", PriceCategory.Basic, "次", 300m, PricingMode.GovernmentGuided, Cap: 300m, Free: true, SubsidyCap: 300m),
        new("basic.storage", "遗体存放（冷藏）", PriceCategory.Basic, "天", 100m, PricingMode.GovernmentGuided, Cap: 100m, Free: true, SubsidyCap: 100m),
        new("basic.farewell", "遗体告别（小厅）", PriceCategory.Basic, "场", 300m, PricingMode.GovernmentGuided, Cap: 300m, Free: true, SubsidyCap: 300m),
        new("basic.cremation", "遗体火化（平板炉）", PriceCategory.Basic, "具", 480m, PricingMode.GovernmentGuided, Cap: 480m, Free: true, SubsidyCap: 480m),
        new("basic.ashes-storage", "骨灰寄存", PriceCategory.Basic, "年", 120m, PricingMode.GovernmentGuided, Cap: 120m, Free: true, SubsidyCap: 120m),
        new("nonbasic.cosmetic", "遗体整容", PriceCategory.NonBasic, "次", 200m * f, PricingMode.ReferenceRange, Min: 150m, Max: 300m),
        new("nonbasic.embalming", "遗体防腐", PriceCategory.NonBasic, "次", 300m * f, PricingMode.ReferenceRange, Min: 200m, Max: 400m),
        new("nonbasic.large-hall", staffHall, PriceCategory.NonBasic, "场", 1200m * f, PricingMode.ReferenceRange, Min: 800m, Max: 1500m,
            Earlier: [(24, 1500m)]),
        new("nonbasic.crystal-coffin", "水晶棺租用", PriceCategory.NonBasic, "天", 150m * f, PricingMode.ReferenceRange, Min: 100m, Max: 200m),
        new("nonbasic.select-cremation", "拣灰炉火化", PriceCategory.NonBasic, "具", 900m * f, PricingMode.ReferenceRange, Min: 600m, Max: 1000m),
        new("nonbasic.hearse", "高档灵车接运", PriceCategory.NonBasic, "次", 600m * f, PricingMode.ReferenceRange, Min: 400m, Max: 800m),
        new("goods.urn-basic", "骨灰盒（普通型）", PriceCategory.Goods, "个", 280m * f, PricingMode.ReferenceRange, Min: 200m, Max: 500m),
        new("goods.urn-premium", "骨灰盒（实木雕花）", PriceCategory.Goods, "个", 1680m * f, PricingMode.Market, Earlier: [(24, 1980m * f)]),
        new("goods.shroud", "寿衣（全套）", PriceCategory.Goods, "套", 600m * f, PricingMode.Market),
        new("goods.wreath", "花圈", PriceCategory.Goods, "个", 120m, PricingMode.Market),
        new("goods.ashes-bag", "骨灰袋", PriceCategory.Goods, "个", 30m, PricingMode.Market),
    ];

    private static readonly InstitutionSpec[] Institutions =
    [
        new("gy-funeral-home", InstitutionType.FuneralHome, null, "贵阳市花溪区溪北路 188 号", "0851-83851234",
            "基本殡葬服务执行贵州省政府指导价；延伸服务执行贵阳市参考价格区间；殡葬用品市场调节价。", "刘洋（业务调度）",
            FuneralHomeItems(1m, "遗体告别（大厅）")),
        new("wudang-funeral-home", InstitutionType.FuneralHome, null, "贵阳市乌当区新添大道北段 66 号", "0851-86401122",
            "基本殡葬服务执行贵州省政府指导价；延伸服务执行贵阳市参考价格区间；殡葬用品市场调节价。", "唐军（业务）",
            FuneralHomeItems(0.9m, "遗体告别（中厅）")),
        new("qianling-public-cemetery", InstitutionType.Cemetery, CemeteryKind.PublicWelfare, "贵阳市云岩区黔灵山路 2 号", "0851-86822233",
            "公益性公墓墓位执行政府定价，面向本市户籍居民；维护管理费按年计。", "马俊（管理）",
        [
            new("basic.eco-burial", "生态安葬（树葬、花坛葬）", PriceCategory.Basic, "例", 800m, PricingMode.GovernmentGuided, Cap: 800m, Free: true, SubsidyCap: 800m),
            new("nonbasic.inscription", "碑文刻字", PriceCategory.NonBasic, "字", 6m, PricingMode.ReferenceRange, Min: 5m, Max: 10m),
            new("nonbasic.burial-ceremony", "落葬仪式", PriceCategory.NonBasic, "场", 300m, PricingMode.ReferenceRange, Min: 300m, Max: 800m),
            // Proxy sweeping (代祭扫): the family orders these at the published price and sees the staff's photos.
            new(ProxySweepingItems.CleanHeadstone, "代祭扫：清洁墓碑", PriceCategory.NonBasic, "次", 60m, PricingMode.ReferenceRange, Min: 50m, Max: 200m),
            new(ProxySweepingItems.Flowers, "代祭扫：献花（鲜花一束）", PriceCategory.NonBasic, "次", 50m, PricingMode.Market),
            new(ProxySweepingItems.ReadEulogy, "代祭扫：代读祭文", PriceCategory.NonBasic, "次", 50m, PricingMode.ReferenceRange, Min: 50m, Max: 200m),
            new("plot.ashes-grave.a", "骨灰墓（A区）", PriceCategory.Plot, "穴", 5800m, PricingMode.GovernmentGuided, Cap: 6000m, Plot: new(PlotType.AshesGrave, 0.8m, 60m, 20, true)),
            new("plot.ashes-grave.b", "骨灰墓（B区）", PriceCategory.Plot, "穴", 6000m, PricingMode.GovernmentGuided, Cap: 6000m, Plot: new(PlotType.AshesGrave, 1.0m, 60m, 20, true)),
            // Priced before the 2025 government price was lowered to 6,000 and never brought down: above the government price.
            new("plot.ashes-grave.c", "骨灰墓（C区，老墓区）", PriceCategory.Plot, "穴", 6800m, PricingMode.GovernmentGuided, Cap: 6000m, Plot: new(PlotType.AshesGrave, 0.8m, 60m, 20, true)),
            new("plot.tree-burial", "树葬墓位", PriceCategory.Plot, "位", 1200m, PricingMode.GovernmentGuided, Cap: 1500m, Plot: new(PlotType.TreeBurial, 0.3m, 30m, 20, true)),
            new("plot.lawn-burial", "草坪葬墓位", PriceCategory.Plot, "位", 1800m, PricingMode.GovernmentGuided, Cap: 2000m, Plot: new(PlotType.LawnBurial, 0.5m, 30m, 20, true)),
        ]),
        new("jingyunshan-cemetery", InstitutionType.Cemetery, CemeteryKind.Commercial, "贵阳市花溪区青岩镇景云山", "0851-83209988",
            "经营性公墓墓位执行贵阳市参考价格区间；维护管理费按年计，一次性收取 20 年。", "孙丽（销售）",
        [
            new("nonbasic.inscription", "碑文刻字", PriceCategory.NonBasic, "字", 8m, PricingMode.ReferenceRange, Min: 5m, Max: 10m),
            new("nonbasic.burial-ceremony", "落葬仪式", PriceCategory.NonBasic, "场", 600m, PricingMode.ReferenceRange, Min: 300m, Max: 800m),
            new("goods.flowers", "鲜花（束）", PriceCategory.Goods, "束", 50m, PricingMode.Market),
            new(ProxySweepingItems.CleanHeadstone, "代祭扫：清洁墓碑", PriceCategory.NonBasic, "次", 120m, PricingMode.ReferenceRange, Min: 50m, Max: 200m),
            new(ProxySweepingItems.Flowers, "代祭扫：献花（鲜花一束）", PriceCategory.NonBasic, "次", 80m, PricingMode.Market),
            new(ProxySweepingItems.ReadEulogy, "代祭扫：代读祭文", PriceCategory.NonBasic, "次", 100m, PricingMode.ReferenceRange, Min: 50m, Max: 200m),
            new(ProxySweepingItems.RepaintInscription, "代祭扫：碑文描金", PriceCategory.NonBasic, "次", 300m, PricingMode.ReferenceRange, Min: 200m, Max: 500m),
            new("plot.ashes-grave.pine", "骨灰墓（松园）", PriceCategory.Plot, "穴", 16800m, PricingMode.ReferenceRange, Min: 5000m, Max: 30000m, Plot: new(PlotType.AshesGrave, 0.9m, 120m, 20, false)),
            // Raised by 21 % two months ago: a rise within 12 months.
            new("plot.ashes-grave.cypress", "骨灰墓（柏园）", PriceCategory.Plot, "穴", 21800m, PricingMode.ReferenceRange, Min: 5000m, Max: 30000m, Plot: new(PlotType.AshesGrave, 1.0m, 120m, 20, false),
                Earlier: [(24, 18000m)]),
            new("plot.ashes-grave.bamboo", "骨灰墓（竹园）", PriceCategory.Plot, "穴", 12800m, PricingMode.ReferenceRange, Min: 5000m, Max: 30000m, Plot: new(PlotType.AshesGrave, 0.8m, 120m, 20, false)),
            new("plot.single-grave", "单人墓（福寿园）", PriceCategory.Plot, "穴", 58000m, PricingMode.ReferenceRange, Min: 20000m, Max: 80000m, Plot: new(PlotType.SingleGrave, 3.6m, 200m, 20, false)),
            new("plot.double-grave", "双人墓（福寿园）", PriceCategory.Plot, "穴", 88000m, PricingMode.ReferenceRange, Min: 30000m, Max: 120000m, Plot: new(PlotType.DoubleGrave, 5.8m, 260m, 20, false)),
            // 7.2 m² is above Guizhou's 6 m² for a double grave.
            new("plot.double-grave.view", "双人墓（观景区）", PriceCategory.Plot, "穴", 118000m, PricingMode.ReferenceRange, Min: 30000m, Max: 120000m, Plot: new(PlotType.DoubleGrave, 7.2m, 300m, 20, false)),
        ]),
        new("qingshan-cemetery", InstitutionType.Cemetery, CemeteryKind.Commercial, "贵阳市观山湖区百花湖乡青山村", "0851-84567788",
            "经营性公墓墓位执行贵阳市参考价格区间；维护管理费按年计。", "钱慧（销售）",
        [
            new("nonbasic.inscription", "碑文刻字", PriceCategory.NonBasic, "字", 10m, PricingMode.ReferenceRange, Min: 5m, Max: 10m),
            new("nonbasic.burial-ceremony", "落葬仪式", PriceCategory.NonBasic, "场", 680m, PricingMode.ReferenceRange, Min: 300m, Max: 800m),
            new("plot.ashes-grave.quiet", "骨灰墓（静园）", PriceCategory.Plot, "穴", 15800m, PricingMode.ReferenceRange, Min: 5000m, Max: 30000m, Plot: new(PlotType.AshesGrave, 1.0m, 150m, 20, false)),
            // 29,778 yuan per m²: more than 1.5 × the city median for ashes graves.
            new("plot.ashes-grave.view", "骨灰墓（望山园）", PriceCategory.Plot, "穴", 26800m, PricingMode.ReferenceRange, Min: 5000m, Max: 30000m, Plot: new(PlotType.AshesGrave, 0.9m, 150m, 20, false)),
            new("plot.single-grave", "单人墓（青松园）", PriceCategory.Plot, "穴", 66000m, PricingMode.ReferenceRange, Min: 20000m, Max: 80000m, Plot: new(PlotType.SingleGrave, 4.0m, 200m, 20, false)),
            // Above the reference ceiling of 80,000.
            new("plot.single-grave.vista", "单人墓（揽胜园）", PriceCategory.Plot, "穴", 98000m, PricingMode.ReferenceRange, Min: 20000m, Max: 80000m, Plot: new(PlotType.SingleGrave, 3.8m, 240m, 20, false)),
            new("plot.double-grave", "双人墓（青松园）", PriceCategory.Plot, "穴", 96000m, PricingMode.ReferenceRange, Min: 30000m, Max: 120000m, Plot: new(PlotType.DoubleGrave, 6.0m, 260m, 20, false)),
        ]),
        new("yongan-columbarium", InstitutionType.Columbarium, null, "贵阳市南明区油榨街 120 号", "0851-85561188",
            "骨灰格位安葬属基本殡葬服务，执行政府指导价，本市户籍居民免费。", "何琳（管理）",
        [
            new("basic.niche-burial", "骨灰格位安葬", PriceCategory.Basic, "例", 500m, PricingMode.GovernmentGuided, Cap: 500m, Free: true, SubsidyCap: 500m),
            new("basic.ashes-storage", "骨灰寄存", PriceCategory.Basic, "年", 100m, PricingMode.GovernmentGuided, Cap: 120m, Free: true, SubsidyCap: 100m),
            new("goods.urn-basic", "骨灰盒（普通型）", PriceCategory.Goods, "个", 260m, PricingMode.ReferenceRange, Min: 200m, Max: 500m),
            new("plot.wall-niche", "骨灰格位（普通）", PriceCategory.Plot, "格", 3600m, PricingMode.GovernmentGuided, Cap: 4000m, Plot: new(PlotType.WallNiche, 0.16m, 40m, 20, true)),
            new("plot.wall-niche.family", "骨灰格位（家族）", PriceCategory.Plot, "格", 7800m, PricingMode.GovernmentGuided, Cap: 8000m, Plot: new(PlotType.WallNiche, 0.36m, 60m, 20, true)),
        ]),
        new("huimin-service-shop", InstitutionType.ServiceShop, null, "贵阳市云岩区中华北路 256 号", "0851-85887766",
            "延伸服务执行贵阳市参考价格区间；殡葬用品市场调节价；不得强制消费。", "林峰（店长）",
        [
            new("nonbasic.home-vigil", "守灵布置", PriceCategory.NonBasic, "场", 800m, PricingMode.ReferenceRange, Min: 500m, Max: 1200m),
            new("nonbasic.master-of-ceremonies", "司仪主持", PriceCategory.NonBasic, "场", 600m, PricingMode.ReferenceRange, Min: 400m, Max: 800m),
            new("goods.shroud", "寿衣（全套）", PriceCategory.Goods, "套", 580m, PricingMode.Market),
            new("goods.wreath", "花圈", PriceCategory.Goods, "个", 100m, PricingMode.Market),
            new("goods.urn-basic", "骨灰盒（普通型）", PriceCategory.Goods, "个", 260m, PricingMode.ReferenceRange, Min: 200m, Max: 500m),
            new("goods.urn-premium", "骨灰盒（实木雕花）", PriceCategory.Goods, "个", 1280m, PricingMode.Market),
        ]),
    ];

    public static async Task SeedPricingDemoAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HereafterDbContext>();
        if (await db.Set<PricingInstitution>().AnyAsync(ct)) return;
        var codes = Institutions.Select(i => i.OrgCode).ToList();
        // A database seeded before these organisations existed gets no price lists rather than half of them.
        if (await Platform.Demo.DemoData.OrganisationsAsync(db, codes, ct) is not { } orgs) return;

        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var start = today.AddMonths(-24);
        var now = clock.GetUtcNow();
        var random = new Random(2026);
        var catalogue = new Dictionary<Guid, CatalogueItem>();
        var byCode = new Dictionary<(string Org, string Code), Guid>();
        var items = new List<PriceItem>();
        var history = new List<PriceHistoryRow>();
        var changes = new List<PriceChange>();
        var plots = new List<Plot>();

        foreach (var spec in Institutions)
        {
            var org = orgs[spec.OrgCode];
            var latest = start;
            var sort = 0;
            foreach (var s in spec.Items)
            {
                var item = new PriceItem
                {
                    Id = Guid.NewGuid(), InstitutionId = org.Id, Code = s.Code, Name = s.Name, Category = s.Category, Unit = s.Unit,
                    PricingMode = s.Mode, Cap = s.Cap, RangeMin = s.Min, RangeMax = s.Max, FreeForResidents = s.Free, SubsidyCap = s.SubsidyCap,
                    LegalBasis = s.Category == PriceCategory.Plot ? PlotLaw : s.Mode switch
                    {
                        PricingMode.GovernmentGuided => BasicLaw,
                        PricingMode.ReferenceRange => RangeLaw,
                        _ => MarketLaw,
                    },
                    PricingBasis = s.Mode.ChineseName() + (s.Free ? "；本市户籍居民免费" : ""),
                    SortOrder = sort += 10,
                };
                items.Add(item);
                byCode[(spec.OrgCode, s.Code)] = item.Id;
                if (s.Plot is { } p)
                    plots.Add(new Plot { ItemId = item.Id, PlotType = p.Type, AreaM2 = p.Area, MaintenanceFeePerYear = p.MaintenancePerYear, TermYears = p.Term, PublicWelfare = p.PublicWelfare });
                var entries = new List<PriceEntry>();
                if (s.Earlier is { Length: > 0 } earlier)
                {
                    // An earlier price from the start, then the current one from an approved change.
                    history.Add(new PriceHistoryRow { ItemId = item.Id, Price = PriceRules.Round(earlier[0].Price), EffectiveFrom = start, RecordedAt = now });
                    entries.Add(new PriceEntry(PriceRules.Round(earlier[0].Price), start));
                    var monthsAgo = s.Code.StartsWith("plot.", StringComparison.Ordinal) ? 2 : 10;
                    var from = today.AddMonths(-monthsAgo);
                    var change = Approved(org.Id, item.Id, PriceRules.Round(earlier[0].Price), PriceRules.Round(s.Price), from, spec.Staff,
                        s.Price < earlier[0].Price ? "响应惠民殡葬政策，主动降价。" : "墓区绿化与道路改造完成，成本上升。");
                    changes.Add(change);
                    history.Add(new PriceHistoryRow { ItemId = item.Id, Price = PriceRules.Round(s.Price), EffectiveFrom = from, PriceChangeId = change.Id, RecordedAt = now });
                    entries.Add(new PriceEntry(PriceRules.Round(s.Price), from));
                    if (from > latest) latest = from;
                }
                else
                {
                    history.Add(new PriceHistoryRow { ItemId = item.Id, Price = PriceRules.Round(s.Price), EffectiveFrom = start, RecordedAt = now });
                    entries.Add(new PriceEntry(PriceRules.Round(s.Price), start));
                }
                catalogue[item.Id] = new CatalogueItem(item.Id, org.Id, item.Name, item.Category, item.Unit, item.FreeForResidents, item.SubsidyCap, entries);
            }
            db.Add(new PricingInstitution
            {
                Id = org.Id, Type = spec.Type, CemeteryKind = spec.Kind, Address = spec.Address, Phone = spec.Phone, PricingBasis = spec.Basis,
                UpdatedAt = ChinaTime.At(latest, new TimeOnly(9, 0)).ToUniversalTime(),
            });
        }
        db.AddRange(items);
        db.AddRange(plots);
        db.AddRange(history);

        // Waiting for the bureau: one within range, one outside it with a written reason (and its warning); one rejected.
        var jingyun = orgs["jingyunshan-cemetery"].Id;
        var wudang = orgs["wudang-funeral-home"].Id;
        var qingshan = orgs["qingshan-cemetery"].Id;
        changes.Add(new PriceChange
        {
            Id = Guid.NewGuid(), InstitutionId = jingyun, ItemId = byCode[("jingyunshan-cemetery", "nonbasic.burial-ceremony")], OldPrice = 600m, NewPrice = 680m,
            EffectiveFrom = today.AddDays(14), Reason = "礼仪人员增加一名，服务时长延长至 60 分钟。", Status = PriceChangeStatus.Proposed,
            ProposedAt = now.AddDays(-2), ProposedBy = "孙丽（销售）",
        });
        var outside = new PriceChange
        {
            Id = Guid.NewGuid(), InstitutionId = wudang, ItemId = byCode[("wudang-funeral-home", "nonbasic.cosmetic")], OldPrice = 180m, NewPrice = 380m,
            EffectiveFrom = today.AddDays(7), Reason = "新增遗体修复（创伤修复）内容，需专业整容师两人。", OutsideReferenceRange = true,
            Status = PriceChangeStatus.Proposed, ProposedAt = now.AddDays(-1), ProposedBy = "唐军（业务）",
        };
        changes.Add(outside);
        changes.Add(new PriceChange
        {
            Id = Guid.NewGuid(), InstitutionId = qingshan, ItemId = byCode[("qingshan-cemetery", "plot.double-grave")], OldPrice = 96000m, NewPrice = 112000m,
            EffectiveFrom = today.AddMonths(-1), Reason = "周边配套完善。", Status = PriceChangeStatus.Rejected,
            ProposedAt = now.AddMonths(-2), ProposedBy = "钱慧（销售）", DecidedAt = now.AddMonths(-2).AddDays(3), DecidedBy = Supervisor,
            DecisionReason = "涨幅 16.7%，理由不充分，且一年内涨幅超过 10% 的预警标准。",
        });
        db.AddRange(changes);
        db.Add(new PriceWarning
        {
            Id = Guid.NewGuid(), InstitutionId = wudang, ItemId = outside.ItemId, Rule = WarningRule.OutsideReferenceRange,
            Evidence = $"遗体整容拟定价格 380.00 元高于参考区间上限 300.00 元（{outside.EffectiveFrom:yyyy-MM-dd} 起）。理由：{outside.Reason}",
            Observed = 380m, Threshold = 300m, PriceAtWarning = 380m, PriceChangeId = outside.Id, Status = WarningStatus.Open,
            OpenKey = PlotWarningScanner.OpenKey(outside.ItemId, WarningRule.OutsideReferenceRange, outside.Id), RaisedAt = outside.ProposedAt,
        });
        var settings = PricingSettingsStore.Defaults();
        settings.BaselineAveragePerFuneral = 20400m;
        settings.BaselineLabel = "2023年全市平均（明码标价前）";
        db.Add(settings);

        var (bills, lines) = Bills(catalogue, byCode, orgs, today, random, settings.ResidentSubsidyCapPerFuneral);

        // The demo funerals are statistical samples without death cases: no institution link to check, but each
        // case's subsidy is recorded once, as IssueBill records it, so later bills respect the per-funeral cap.
        db.AddRange(bills.GroupBy(b => b.CaseId).Select(g => new { g.Key, Granted = g.Sum(b => b.Subsidy), Last = g.Max(b => b.IssuedAt) })
            .Where(g => g.Granted > 0).Select(g => new SubsidyGrant { CaseId = g.Key, Granted = g.Granted, UpdatedAt = g.Last }));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.InsertAsync(bills, ct);
        await db.InsertAsync(lines, ct);
        await sp.GetRequiredService<PlotWarningScanner>().ScanAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static PriceChange Approved(Guid institutionId, Guid itemId, decimal oldPrice, decimal newPrice, DateOnly from, string staff, string reason)
    {
        var decided = ChinaTime.At(from.AddDays(-5), new TimeOnly(10, 30)).ToUniversalTime();
        return new PriceChange
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, ItemId = itemId, OldPrice = oldPrice, NewPrice = newPrice, EffectiveFrom = from,
            Reason = reason, Status = PriceChangeStatus.Approved, ProposedAt = decided.AddDays(-4), ProposedBy = staff,
            DecidedAt = decided, DecidedBy = Supervisor, DecisionReason = "符合参考价格区间，同意。",
        };
    }

    /// <summary>About a dozen funerals a month for a year: a funeral home's bill each, and often a cemetery's, columbarium's or shop's.</summary>
    private static (List<Bill> Bills, List<BillLine> Lines) Bills(Dictionary<Guid, CatalogueItem> catalogue, Dictionary<(string Org, string Code), Guid> byCode,
        Dictionary<string, Organisation> orgs, DateOnly today, Random random, decimal perFuneralCap)
    {
        var bills = new List<Bill>();
        var lines = new List<BillLine>();
        var number = 0;
        for (var monthsAgo = 11; monthsAgo >= 0; monthsAgo--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
            var days = monthsAgo == 0 ? today.Day : DateTime.DaysInMonth(month.Year, month.Month);
            // Extended services fall out of favour as prices become public: the later months buy fewer of them.
            var extras = 0.55 - 0.025 * (11 - monthsAgo);
            var funerals = 10 + random.Next(6);
            for (var f = 0; f < funerals; f++)
            {
                var caseId = new Guid(random.NextBytes16());
                var resident = random.NextDouble() < 0.85;
                var date = month.AddDays(random.Next(days));
                var granted = 0m;
                var home = random.NextDouble() < 0.7 ? "gy-funeral-home" : "wudang-funeral-home";
                var homeLines = new List<(string Code, int Qty)> { ("basic.transport", 1), ("basic.storage", 1 + random.Next(4)), ("basic.cremation", 1) };
                if (random.NextDouble() < 0.8) homeLines.Add(("basic.farewell", 1));
                if (random.NextDouble() < extras) homeLines.Add(("nonbasic.large-hall", 1));
                if (random.NextDouble() < 0.6) homeLines.Add(("nonbasic.cosmetic", 1));
                if (random.NextDouble() < extras * 0.5) homeLines.Add(("nonbasic.embalming", 1));
                if (random.NextDouble() < extras) homeLines.Add(("nonbasic.crystal-coffin", 1 + random.Next(3)));
                if (random.NextDouble() < extras * 0.4) homeLines.Add(("nonbasic.select-cremation", 1));
                homeLines.Add((random.NextDouble() < extras * 0.6 ? "goods.urn-premium" : "goods.urn-basic", 1));
                if (random.NextDouble() < 0.5) homeLines.Add(("goods.shroud", 1));
                if (random.NextDouble() < 0.6) homeLines.Add(("goods.wreath", 1 + random.Next(4)));
                Issue(home, date, homeLines);

                var after = date.AddDays(random.Next(3, 20));
                if (after > today) after = today;
                var burial = random.NextDouble();
                if (burial < 0.15)
                    Issue("qianling-public-cemetery", after, [("basic.eco-burial", 1), ("nonbasic.burial-ceremony", 1)]);
                else if (burial < 0.30)
                    Issue("qianling-public-cemetery", after, [(Pick("plot.ashes-grave.a", "plot.ashes-grave.b", "plot.tree-burial", "plot.lawn-burial"), 1), ("nonbasic.inscription", 20 + random.Next(30))]);
                else if (burial < 0.45)
                    Issue("jingyunshan-cemetery", after, [(Pick("plot.ashes-grave.pine", "plot.ashes-grave.bamboo", "plot.ashes-grave.cypress", "plot.single-grave"), 1),
                        ("nonbasic.inscription", 30 + random.Next(40)), ("nonbasic.burial-ceremony", 1), ("goods.flowers", 1 + random.Next(3))]);
                else if (burial < 0.55)
                    Issue("qingshan-cemetery", after, [(Pick("plot.ashes-grave.quiet", "plot.single-grave", "plot.double-grave"), 1), ("nonbasic.inscription", 30 + random.Next(40))]);
                else if (burial < 0.70)
                    Issue("yongan-columbarium", after, [("basic.niche-burial", 1), (Pick("plot.wall-niche", "plot.wall-niche", "plot.wall-niche.family"), 1)]);
                if (random.NextDouble() < 0.2)
                    Issue("huimin-service-shop", date, [("nonbasic.home-vigil", 1), ("goods.wreath", 2 + random.Next(4))]);

                void Issue(string orgCode, DateOnly serviceDate, List<(string Code, int Qty)> wanted)
                {
                    var institutionId = orgs[orgCode].Id;
                    var request = wanted.Select(w => new BillLineRequest(byCode[(orgCode, w.Code)], w.Qty)).ToList();
                    var (priced, _) = BillPricing.Price(request, catalogue, institutionId, serviceDate, resident, granted, perFuneralCap);
                    if (priced is null) return;
                    granted += priced.Subsidy;
                    var bill = new Bill
                    {
                        Id = Guid.NewGuid(), Number = $"JS{serviceDate:yyyyMMdd}D{++number:D4}", CaseId = caseId, InstitutionId = institutionId,
                        ServiceDate = serviceDate, Resident = resident, Total = priced.Total, Subsidy = priced.Subsidy, Payable = priced.Payable,
                        IssuedAt = ChinaTime.At(serviceDate, new TimeOnly(17, 0)).ToUniversalTime(),
                        IssuedBy = "demo", FamilyCodeHash = FamilyBillCode.New().Hash,
                    };
                    bills.Add(bill);
                    lines.AddRange(priced.Lines.Select((l, n) => new BillLine
                    {
                        BillId = bill.Id, LineNo = n + 1, ItemId = l.Item.ItemId, Name = l.Item.Name, Category = l.Item.Category, Unit = l.Item.Unit,
                        UnitPrice = l.UnitPrice, Quantity = l.Quantity, Amount = l.Amount, Subsidy = l.Subsidy, Payable = l.Payable,
                        PriceEffectiveFrom = l.PriceEffectiveFrom,
                    }));
                }
            }
        }
        return (bills, lines);

        string Pick(params string[] codes) => codes[random.Next(codes.Length)];
    }

    private static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
