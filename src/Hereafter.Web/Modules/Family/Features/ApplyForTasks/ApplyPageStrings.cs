using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Family.Features.ApplyForTasks;

/// <summary>English for the family's application form, case progress page and notifications page.</summary>
[EnglishStrings]
internal static class ApplyPageStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Application form.
        ["一次申请办理身后事"] = "Apply once for every after-death task",
        ["返回办理进度"] = "Back to progress",
        ["勾选要办理的事项，提交一次即可，各部门和银行会分别办理并在平台答复。以下信息来自共享数据，无需再填。"] =
            "Tick what you need and submit once: each department and bank works on its part and answers here. The details below come from shared records, so you do not enter them again.",
        ["已自动带入的信息"] = "Filled in for you",
        ["逝者"] = "Deceased",
        ["申请人"] = "Applicant",
        ["身份证号"] = "ID number",
        ["手机号"] = "Mobile phone",
        ["与逝者关系"] = "Relationship to the deceased",
        ["要办理的事项"] = "What to apply for",
        ["查询存款的银行"] = "Banks to ask about deposits",
        ["勾选「存款查询」后选择银行；不选具体银行即查询平台上的全部银行。"] =
            "With the deposit query ticked, choose banks; choosing none asks every bank on the platform.",
        ["全部银行"] = "All banks",
        ["遗属待遇（丧葬补助金、抚恤金）"] = "Survivor benefits (funeral grant and survivors' pension)",
        ["逝者缴费年限（年）"] = "Deceased's contribution years",
        ["申请遗属待遇时必填，含视同缴费年限，0 到 60，如 12.5"] = "Required for survivor benefits, including deemed years, 0 to 60, such as 12.5",
        ["计算"] = "Calculate",
        ["领取账户"] = "Payout account",
        ["申请养老保险个人账户、遗属待遇、医保个人账户、住房公积金或惠民殡葬补贴时必填：款项转入此账户。"] =
            "Required for the pension account, survivor benefits, the medical-insurance account, the housing fund or the funeral subsidy: payments go into this account.",
        ["开户银行"] = "Bank",
        ["账号"] = "Account number",
        ["12 到 30 位数字"] = "12 to 30 digits",
        ["户名"] = "Account holder",
        ["提交申请"] = "Submit application",
        ["取消"] = "Cancel",
        // Survivor benefits estimate and rule.
        ["缴费年限 {0} 年的估算"] = "Estimate for {0} contribution years",
        ["丧葬补助金"] = "Funeral grant",
        ["抚恤金"] = "Survivors' pension",
        ["合计"] = "Total",
        ["{0} 元"] = "{0} yuan",
        ["{0} 元（2 × {1} 元）"] = "{0} yuan (2 × {1} yuan)",
        ["{0} 元（{1} 个月 × {2} 元）"] = "{0} yuan ({1} months × {2} yuan)",
        ["这是按公布规则的估算，实际金额以人社部门核定为准。"] = "This is an estimate by the published rule; the social security bureau decides the actual amount.",
        ["计算规则"] = "How it is calculated",
        ["基数为上年度全省城镇居民月人均可支配收入 {0} 元。丧葬补助金 = 2 × 基数；抚恤金 = 基数 × 月数，月数按缴费年限（含视同缴费年限）确定："] =
            "The base is the province's previous-year urban per-capita monthly disposable income, {0} yuan. Funeral grant = 2 × base; survivors' pension = base × months, the months set by the contribution years (including deemed years):",
        ["不满 5 年：3 个月"] = "Under 5 years: 3 months",
        ["5 年以上不满 10 年：6 个月"] = "5 years up to 10 years: 6 months",
        ["10 年以上不超过 15 年：9 个月"] = "10 years up to and including 15 years: 9 months",
        ["超过 15 年：每多满 1 年加 1 个月，最多 24 个月"] = "Over 15 years: 1 more month for each full year over 15, at most 24 months",
        // Progress page.
        ["办理进度"] = "Progress",
        ["未找到该档案"] = "Case not found",
        ["没有找到这个身后事档案，或您还没有获准查看。请从您的档案列表重新打开。"] =
            "No such case, or you have not been admitted to it. Open it again from your list of cases.",
        ["返回我的档案"] = "Back to my cases",
        ["死亡日期"] = "Date of death",
        ["死亡证明"] = "Death certificate",
        ["有效"] = "Valid",
        ["已撤销"] = "Revoked",
        ["死亡证明已被撤销，相关事项停止办理。"] = "The death certificate was revoked: work on the tasks has stopped.",
        ["死亡证明有效，各部门凭共享的证明信息办理。"] = "The death certificate is valid: departments act on the shared certificate.",
        ["已提交申请：新办理 {0} 项，另有 {1} 项此前已在办理。"] = "Application submitted: {0} new tasks opened, {1} already under way.",
        ["申请办理更多事项"] = "Apply for more",
        ["办理事项"] = "Tasks",
        ["还没有办理事项。提交一次申请，勾选要办理的事项，各部门和银行会分别办理。"] =
            "No tasks yet. Submit one application with what you need, and each department and bank works on its part.",
        ["去申请"] = "Apply",
        ["超时未接收"] = "Overdue",
        ["办理部门已超过接收时限，平台已提醒民政部门督办。"] = "The department is past its deadline to receive it; civil affairs has been told to follow it up.",
        ["已送达办理部门，等待接收。"] = "Sent to the department, waiting to be received.",
        ["办理部门已接收，正在办理。"] = "The department received it and is working on it.",
        ["已办完，结果见下方。"] = "Done: the answer is below.",
        ["办理部门退回了申请，原因见下方。"] = "The department rejected it: the reason is below.",
        ["此事项与逝者无关（如未参保），无需办理。"] = "This does not apply to the deceased (for example, not insured): nothing to do.",
        ["办理单位"] = "Handled by",
        ["办理内容"] = "Request",
        ["死亡信息告知"] = "Death notification",
        ["（您申请的）"] = " (your request)",
        ["开始时间"] = "Started",
        ["接收时限"] = "Receive by",
        ["更新时间"] = "Updated",
        ["生效日期"] = "Effective date",
        ["金额（元）"] = "Amount (yuan)",
        ["退回原因"] = "Reason for rejection",
        ["说明"] = "Note",
        ["银行答复：未查到逝者在本行的账户。"] = "The bank's answer: the deceased has no account there.",
        ["查到的账户"] = "Accounts found",
        ["余额 {0} 元"] = "balance {0} yuan",
        ["办理小额存款提取"] = "Release small deposits",
        ["下一步："] = "Next step: ",
        ["办理记录（{0} 条）"] = "History ({0} entries)",
        ["殡葬服务结算单"] = "Funeral services bills",
        ["还没有结算单。殡仪馆等机构按公示价格出具结算单后，会显示在这里。"] =
            "No bills yet. When a funeral home or other institution bills at the published prices, the bill shows here.",
        ["结算单"] = "Bill",
        ["出具机构"] = "Issued by",
        ["服务日期"] = "Service date",
        ["合计（元）"] = "Total (yuan)",
        ["政府补贴（元）"] = "Paid by the city (yuan)",
        ["家属应付（元）"] = "Payable by the family (yuan)",
        ["收费明细（{0} 项）"] = "Charges ({0} items)",
        ["元"] = "yuan",
        ["通知"] = "Notifications",
        ["还没有通知。部门或银行每次答复，都会在这里和短信中通知您。"] =
            "No notifications yet. Each time a department or bank answers, you are told here and by text message.",
        ["全部通知"] = "All notifications",
        // Notifications page.
        ["部门和银行每次答复您的申请，都会在这里通知您，并发送短信到您实名登记的手机。"] =
            "Each time a department or bank answers your application, you are told here and by text message to your verified phone.",
        ["还没有通知。提交申请后，部门和银行每次答复都会通知您。"] =
            "No notifications yet. After you apply, you are told each time a department or bank answers.",
    };
}
