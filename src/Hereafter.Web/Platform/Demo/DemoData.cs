using Hereafter.Domain.Identity;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Demo;

/// <summary>
/// Fictional Guiyang organisations, staff and department clients for Development only, and what the modules' own
/// demo data (certificates, rolls, price lists) builds on. Every account's password and every client's secret is
/// <see cref="Secret"/>. Names are invented.
/// </summary>
public static class DemoData
{
    public const string Secret = "demo-secret";

    private sealed record Org(string Code, string Name, string NameEn, OrganisationType Type, string Region, string District, string CreditPrefix);
    private sealed record Staff(string UserName, string DisplayName, string OrgCode, string Roles, string? License = null);

    private static readonly Org[] Organisations =
    [
        new("gy-first-hospital", "贵阳市第一人民医院", "Guiyang First People's Hospital", OrganisationType.Hospital, "520102", "南明区", "12520100429551"),
        new("gy-medical-university-hospital", "贵州医科大学附属医院", "Affiliated Hospital of Guizhou Medical University", OrganisationType.Hospital, "520103", "云岩区", "12520000429467"),
        new("nm-huaguoyuan-health-centre", "南明区花果园社区卫生服务中心", "Huaguoyuan Community Health Centre, Nanming", OrganisationType.HealthCentre, "520102", "南明区", "12520102MB16"),
        new("gy-police-nanming", "贵阳市公安局南明分局", "Nanming Branch, Guiyang Public Security Bureau", OrganisationType.Police, "520102", "南明区", "11520102009"),
        new("gy-funeral-home", "贵阳市殡仪馆", "Guiyang Funeral Home", OrganisationType.FuneralHome, "520111", "花溪区", "12520100429"),
        new("jingyunshan-cemetery", "景云山公墓", "Jingyunshan Cemetery", OrganisationType.Cemetery, "520111", "花溪区", "91520111MA6"),
        new("qianling-public-cemetery", "黔灵公益性公墓", "Qianling Public-Welfare Cemetery", OrganisationType.Cemetery, "520103", "云岩区", "12520103MB1"),
        new("gy-civil-affairs", "贵阳市民政局", "Guiyang Civil Affairs Bureau", OrganisationType.CivilAffairs, "520100", "市本级", "11520100009"),
        new("gy-social-security", "贵阳市人力资源和社会保障局", "Guiyang Human Resources and Social Security Bureau", OrganisationType.SocialSecurity, "520100", "市本级", "11520100MB0"),
        new("gy-medical-insurance", "贵阳市医疗保障局", "Guiyang Healthcare Security Administration", OrganisationType.MedicalInsurance, "520100", "市本级", "11520100MB1"),
        new("gy-housing-fund", "贵阳住房公积金管理中心", "Guiyang Housing Provident Fund Centre", OrganisationType.HousingFund, "520100", "市本级", "12520100MB2"),
        new("icbc-guiyang", "中国工商银行贵阳分行", "ICBC Guiyang Branch", OrganisationType.Bank, "520103", "云岩区", "91520100MA0"),
        new("bank-of-guiyang", "贵阳银行营业部", "Bank of Guiyang, Main Office", OrganisationType.Bank, "520103", "云岩区", "91520100MA1"),
        new("gy-traffic-police", "贵阳市公安局交通管理局", "Guiyang Traffic Police", OrganisationType.TrafficPolice, "520100", "市本级", "11520100MB3"),
        new("wudang-funeral-home", "乌当区殡仪馆", "Wudang District Funeral Home", OrganisationType.FuneralHome, "520112", "乌当区", "12520112429"),
        new("qingshan-cemetery", "青山陵园", "Qingshan Memorial Park", OrganisationType.Cemetery, "520115", "观山湖区", "91520115MA7"),
        new("yongan-columbarium", "南明区永安骨灰堂", "Yong'an Columbarium, Nanming", OrganisationType.Columbarium, "520102", "南明区", "12520102MB5"),
        new("huimin-service-shop", "惠民殡葬服务店", "Huimin Funeral Service Shop", OrganisationType.ServiceShop, "520103", "云岩区", "92520103MA8"),
        new("gy-disabled-federation", "贵阳市残疾人联合会", "Guiyang Disabled Persons' Federation", OrganisationType.DisabledPersonsFederation, "520100", "市本级", "51520100MB4"),
    ];

    private static readonly Staff[] Accounts =
    [
        new("doctor.wang", "王立新医生", "gy-first-hospital", Roles.Certifier, "110520100012345"),
        new("clerk.first", "赵敏（病案室）", "gy-first-hospital", Roles.Clerk),
        new("doctor.li", "李卫东医生", "gy-medical-university-hospital", Roles.Certifier, "110520000054321"),
        new("doctor.zhao", "赵春梅医生", "nm-huaguoyuan-health-centre", Roles.Certifier, "210520102067890"),
        new("forensic.chen", "陈刚（法医）", "gy-police-nanming", $"{Roles.Certifier},{Roles.Officer}", "GA52010200123"),
        new("officer.huang", "黄晓东（户籍民警）", "gy-police-nanming", Roles.Officer),
        new("funeral.liu", "刘洋（业务调度）", "gy-funeral-home", Roles.Clerk),
        new("cemetery.sun", "孙丽（销售）", "jingyunshan-cemetery", Roles.Clerk),
        new("cemetery.ma", "马俊（管理）", "qianling-public-cemetery", Roles.Clerk),
        new("supervisor.zhou", "周文静（监管）", "gy-civil-affairs", Roles.Supervisor),
        new("clerk.civil", "吴婷（社会救助）", "gy-civil-affairs", Roles.Clerk),
        new("social.wu", "吴海（养老保险）", "gy-social-security", Roles.Clerk),
        new("medins.zheng", "郑丹（医保）", "gy-medical-insurance", Roles.Clerk),
        new("fund.feng", "冯涛（公积金）", "gy-housing-fund", Roles.Clerk),
        new("bank.icbc", "钱芳（工行柜面）", "icbc-guiyang", Roles.Clerk),
        new("bank.gyb", "杨帆（贵阳银行）", "bank-of-guiyang", Roles.Clerk),
        new("traffic.he", "何军（车驾管）", "gy-traffic-police", Roles.Clerk),
        new("dpf.xu", "许静（残联）", "gy-disabled-federation", Roles.Clerk),
        new("funeral.tang", "唐军（业务）", "wudang-funeral-home", Roles.Clerk),
        new("cemetery.qian", "钱慧（销售）", "qingshan-cemetery", Roles.Clerk),
        new("columbarium.he", "何琳（管理）", "yongan-columbarium", Roles.Clerk),
        new("shop.lin", "林峰（店长）", "huimin-service-shop", Roles.Clerk),
        // Department administrators: create the department's webhook subscriptions.
        new("admin.police", "邓伟（户籍系统管理员）", "gy-police-nanming", Roles.Administrator),
        new("admin.civil-affairs", "罗佳（民政系统管理员）", "gy-civil-affairs", Roles.Administrator),
        new("admin.social-security", "蒋磊（社保系统管理员）", "gy-social-security", Roles.Administrator),
        new("admin.medical-insurance", "韩雪（医保系统管理员）", "gy-medical-insurance", Roles.Administrator),
        new("admin.housing-fund", "曹宁（公积金系统管理员）", "gy-housing-fund", Roles.Administrator),
        new("admin.bank", "彭丽（工行系统管理员）", "icbc-guiyang", Roles.Administrator),
        new("admin.traffic-police", "曾强（车驾管系统管理员）", "gy-traffic-police", Roles.Administrator),
        new("admin.disabled-persons-federation", "谢红（残联系统管理员）", "gy-disabled-federation", Roles.Administrator),
        new("admin.funeral-home", "董斌（殡仪馆系统管理员）", "gy-funeral-home", Roles.Administrator),
    ];

    /// <summary>One client per organisation type (issue #2): client id → organisation code.</summary>
    private static readonly (string ClientId, string OrgCode)[] Clients =
    [
        ("demo-hospital", "gy-first-hospital"),
        ("demo-health-centre", "nm-huaguoyuan-health-centre"),
        ("demo-police", "gy-police-nanming"),
        ("demo-funeral-home", "gy-funeral-home"),
        ("demo-cemetery", "jingyunshan-cemetery"),
        ("demo-civil-affairs", "gy-civil-affairs"),
        ("demo-social-security", "gy-social-security"),
        ("demo-medical-insurance", "gy-medical-insurance"),
        ("demo-housing-fund", "gy-housing-fund"),
        ("demo-bank", "icbc-guiyang"),
        ("demo-traffic-police", "gy-traffic-police"),
        ("demo-disabled-persons-federation", "gy-disabled-federation"),
        ("demo-funeral-home-2", "wudang-funeral-home"),
        ("demo-cemetery-public", "qianling-public-cemetery"),
        ("demo-cemetery-qingshan", "qingshan-cemetery"),
        ("demo-columbarium", "yongan-columbarium"),
        ("demo-service-shop", "huimin-service-shop"),
    ];

    /// <summary>Pads a prefix to 17 characters and appends the GB 32100 check character.</summary>
    private static string CreditCodeFor(string prefix, int salt)
    {
        var body = (prefix + (salt * 7919 % 100000000).ToString("D8"))[..17];
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>A citizen ID for a region, birth date and 3-digit sequence, with its check character.</summary>
    public static string IdFor(string region, DateOnly birth, int sequence)
    {
        var body = $"{region}{birth:yyyyMMdd}{sequence:D3}";
        return body + IdNumber.ComputeCheckCharacter(body);
    }

    /// <summary>The demo organisations with these codes, or null when one is missing (a database seeded before it existed).</summary>
    public static async Task<Dictionary<string, Organisation>?> OrganisationsAsync(HereafterDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var orgs = await db.Set<Organisation>().AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        return orgs.Count == codes.Count ? orgs : null;
    }

    /// <summary>
    /// Runs a module's seeding once, in its own scope: only while the module's <typeparamref name="TEntity"/> table
    /// is empty and every organisation it needs exists.
    /// </summary>
    public static async Task SeedOnceAsync<TEntity>(IServiceProvider services, IReadOnlyCollection<string> organisationCodes,
        Func<IServiceProvider, Dictionary<string, Organisation>, Task> seed, CancellationToken ct) where TEntity : class
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        if (await db.Set<TEntity>().AnyAsync(ct)) return;
        if (await OrganisationsAsync(db, organisationCodes, ct) is not { } orgs) return;
        await seed(scope.ServiceProvider, orgs);
    }

    /// <summary>A demo member of staff acting for <paramref name="org"/> in one role.</summary>
    public static Actor ActorFor(Organisation org, string name, string role) =>
        new($"demo:{name}", name, org.Id, org.Name, org.Type, new HashSet<string> { role });

    /// <summary>
    /// The platform's demo data: organisations, staff accounts and department clients, once. Each module seeds its
    /// own data after this (certificates, rolls, price lists: Program calls one Seed…DemoAsync per module).
    /// </summary>
    public static async Task SeedPlatformDemoAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HereafterDbContext>();
        if (!await db.Set<Organisation>().AnyAsync(ct)) await SeedOrganisationsAsync(sp, db, ct);
        // The demo family app (authorization code + PKCE, any loopback port), also added to databases seeded before it existed.
        await FamilyProvider.RegisterDemoClientAsync(sp.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>(), ct);
    }

    private static async Task SeedOrganisationsAsync(IServiceProvider sp, HereafterDbContext db, CancellationToken ct)
    {
        var orgs = Organisations.Select((o, i) => new Organisation
        {
            Id = Guid.NewGuid(), Code = o.Code, Name = o.Name, NameEn = o.NameEn, Type = o.Type,
            RegionCode = o.Region, District = o.District, CreditCode = CreditCodeFor(o.CreditPrefix, i + 1),
        }).ToDictionary(o => o.Code);
        db.AddRange(orgs.Values);

        // One hash for all demo accounts: PBKDF2 is deliberately slow and these share a password anyway.
        var hash = sp.GetRequiredService<IPasswordHasher<StaffAccount>>().HashPassword(new StaffAccount(), Secret);
        db.AddRange(Accounts.Select(a => new StaffAccount
        {
            Id = Guid.NewGuid(), UserName = a.UserName, DisplayName = a.DisplayName, OrganisationId = orgs[a.OrgCode].Id,
            PasswordHash = hash, Roles = a.Roles, LicenseNumber = a.License,
        }));
        await db.SaveChangesAsync(ct);
        // Every demo client is granted its department's scopes (subscriptions included, for the departments).
        var clients = sp.GetRequiredService<DepartmentClients>();
        foreach (var (clientId, orgCode) in Clients)
        {
            var org = orgs[orgCode];
            await clients.RegisterAsync(clientId, Secret, org.Id, $"{org.Name} 业务系统", DepartmentScopes.For(org.Type), ct: ct);
        }
    }
}
