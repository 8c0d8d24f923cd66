using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using static Hereafter.Web.Platform.Demo.DemoData;

namespace Hereafter.Web.Modules.Memorial;

/// <summary>
/// Development-only standards pages of the demo civil-affairs bureau: 丧事简办倡议, 文明祭扫须知 (two versions, so the
/// history shows) and 节地生态安葬奖补 (amounts are demo figures). Once, when there is no page yet. The text is written
/// for the demo: it names no regulation and no document number.
/// </summary>
internal static class StandardsDemoPages
{
    /// <summary>The standards pages, seeded once; part of <see cref="MemorialDemoData.SeedMemorialDemoAsync"/>.</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken ct = default) =>
        SeedOnceAsync<StandardPage>(services, ["gy-civil-affairs"], (sp, orgs) => SeedAsync(sp, orgs["gy-civil-affairs"], ct), ct);

    private static async Task SeedAsync(IServiceProvider sp, Organisation bureau, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HereafterDbContext>();
        var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        DateTimeOffset DaysAgo(int days, int hour) => ChinaTime.At(today.AddDays(-days), new TimeOnly(hour, 0)).ToUniversalTime();
        const string supervisor = "周文静（监管）";
        const string clerk = "吴婷（社会救助）";

        void Add(string slug, params (string Title, string Body, string By, DateTimeOffset At)[] versions)
        {
            var page = new StandardPage { Id = Guid.NewGuid(), Slug = slug, CreatedAt = versions[0].At };
            for (var i = 0; i < versions.Length; i++)
            {
                var (title, body, by, at) = versions[i];
                db.Add(new StandardVersion
                {
                    Id = Guid.NewGuid(), PageId = page.Id, Number = i + 1, Title = title, Body = body, Published = true,
                    SavedBy = by, SavedById = $"demo:{by}", SavedByOrganisationId = bureau.Id, SavedAt = at,
                });
                (page.Title, page.Published, page.CurrentVersion, page.UpdatedAt, page.UpdatedBy) = (title, true, i + 1, at, by);
            }
            db.Add(page);
        }

        Add("sangshi-jianban", ("丧事简办倡议", SimpleFuneral, supervisor, DaysAgo(60, 10)));
        Add("wenming-jisao",
            ("文明祭扫须知", CivilSweeping, clerk, DaysAgo(45, 15)),
            ("文明祭扫须知", CivilSweeping + ProxySweeping, supervisor, DaysAgo(3, 9)));
        Add("jiedi-shengtai-anzang", ("节地生态安葬奖补", GreenBurial, supervisor, DaysAgo(30, 11)));
        await db.SaveChangesAsync(ct);
    }

    private const string SimpleFuneral = """
        为弘扬文明新风、减轻群众负担，贵阳市民政局倡议广大市民移风易俗、丧事简办。

        ## 一、丧事从简
        - 治丧时间一般不超过 3 天，提倡在殡仪馆集中办理。
        - 不在道路、小区公共场地搭建灵棚，不在居民区长时间播放哀乐，不燃放鞭炮。
        - 不大操大办，不摆流水席，不相互攀比。

        ## 二、文明治丧
        - 提倡佩戴黑纱、白花，以追思会、告别仪式寄托哀思。
        - 不请乐队吹打、不搞低俗表演，不在街道抛撒纸钱、焚烧纸扎。
        - 尊重少数民族丧葬习俗，自愿改革的给予支持。

        ## 三、厚养薄葬
        老人在世时多尽孝心、常回家看看；身后事量力而行，**不举债办丧**。

        ## 四、党员干部带头
        党员、干部和公职人员带头移风易俗，丧事简办，不借机收受礼金。

        ## 需要帮助
        1. 殡仪馆、公墓的服务项目和收费标准都已公开，可在[价格公示](/prices)查询和比较。
        2. 基本殡葬服务按规定减免，具体以殡仪馆公示为准。
        3. 对收费和服务有意见，可拨打 12345 市民服务热线。
        """;

    private const string CivilSweeping = """
        清明、冬至等祭扫高峰期间，全市公墓、骨灰堂实行**预约祭扫**，请提前预约，错峰出行。

        ## 预约
        1. 在本平台选择公墓、日期和时段，填写同行人数（以公墓公布的上限为准）；自驾请同时预约车位。
        2. 同一人同一公墓每天只能预约一次。不能前往请及时取消，名额会立即释放给其他市民。
        3. 高龄老人可不预约，凭身份证入园，具体年龄以公墓公告为准。

        ## 入园
        - 按预约时段入园，出示预约二维码，由工作人员扫码核验；每个预约码只能使用一次。
        - 服从现场疏导，不在园区道路停车。

        ## 文明祭扫
        - 提倡鲜花祭扫、植树祭扫、家庭追思和网上祭扫。
        - 园区内**严禁明火**：不焚烧纸钱、不燃放鞭炮、不点蜡烛。
        - 爱护园区环境，祭扫后带走垃圾。

        | 时段 | 建议 |
        | --- | --- |
        | 清明节当天 | 人流最多，尽量错开 |
        | 清明节前后一周 | 预约较易，推荐 |
        | 工作日上午 | 人少，适合老人和儿童 |
        """;

    private const string ProxySweeping = """


        ## 代祭扫
        在外地或行动不便的家属，可在本平台预约**代祭扫**：公墓工作人员代为清洁墓碑、敬献鲜花、宣读家属写下的追思文字，完成后上传照片，家属在订单页面查看。服务项目和价格以公墓公示为准。
        """;

    private const string GreenBurial = """
        为节约土地、保护生态，对选择节地生态安葬方式的家庭给予一次性奖补。

        ## 奖补对象
        逝者生前户籍在本市，其骨灰在本市经批准的场所以下列方式安葬的，由其家属申请。

        ## 奖补标准
        | 安葬方式 | 说明 | 奖补（元/例） |
        | --- | --- | ---: |
        | 骨灰撒散 | 在指定园区撒散，不保留骨灰 | 2000 |
        | 树葬、花坛葬、草坪葬 | 不立墓碑，或仅设小型标识 | 1500 |
        | 骨灰堂格位存放 | 在公益性骨灰堂存放 | 800 |

        以上为演示数据，实际标准以民政部门当年公布的为准。

        ## 申请
        1. 安葬完成后 6 个月内，向逝者户籍所在地的区（县）民政部门申请。
        2. 材料：火化证明、安葬凭证、申请人身份证和银行账户。
        3. 审核通过后，奖补资金发放至申请人账户。

        > 节地生态安葬同样可以寄托哀思：园区设有统一的纪念墙，可刻写逝者姓名。
        """;
}
