namespace Hereafter.Domain.Custody;

// The closed loop of remains and ashes (接运-火化-安葬, DOMAIN.md §7, ADR 0027): plain enums stored and sent as their
// kebab-case codes (ADR 0013), Chinese names beside them.

/// <summary>Where a body or its ashes stand in the loop. An illegal move is refused with its reason, never ignored.</summary>
public enum CustodyState
{
    /// <summary>接运: the funeral home has collected the body.</summary>
    PickedUp,
    /// <summary>入库存放: arrived; the storage timer runs.</summary>
    InStorage,
    /// <summary>已火化.</summary>
    Cremated,
    /// <summary>骨灰已交付: handed over for a declared destination, not yet confirmed placed.</summary>
    AshesReleased,
    /// <summary>骨灰寄存: kept at the funeral home.</summary>
    AshesStored,
    /// <summary>已安放（葬）: a burial or placement record closed the loop.</summary>
    Placed,
    /// <summary>无主骨灰: stored and unclaimed for the configured period (a year by default).</summary>
    Unclaimed,
}

/// <summary>What someone does to a custody record; each is one guarded transition or record.</summary>
public enum CustodyStep
{
    /// <summary>接运.</summary>
    PickUp,
    /// <summary>到馆（入库）.</summary>
    Arrive,
    /// <summary>延长存放.</summary>
    ExtendStorage,
    /// <summary>签署遗体火化确认书.</summary>
    SignConsent,
    /// <summary>火化.</summary>
    Cremate,
    /// <summary>出具火化证明.</summary>
    IssueCremationCertificate,
    /// <summary>领取火化证明.</summary>
    CollectCremationCertificate,
    /// <summary>补发火化证明 (once, to the first collector).</summary>
    ReissueCremationCertificate,
    /// <summary>签订骨灰安放（葬）协议 and declare the destination.</summary>
    RecordAshesAgreement,
    /// <summary>骨灰交付.</summary>
    ReleaseAshes,
    /// <summary>安放（葬）: a cemetery's burial record or another confirmed placement.</summary>
    Place,
    /// <summary>转为无主骨灰.</summary>
    MarkUnclaimed,
    /// <summary>冻结: the death certificate was revoked after pickup.</summary>
    Freeze,
}

/// <summary>The declared destination of the ashes (骨灰去向).</summary>
public enum AshesDestination
{
    /// <summary>公墓墓位.</summary>
    CemeteryPlot,
    /// <summary>骨灰堂格位.</summary>
    ColumbariumNiche,
    /// <summary>树葬.</summary>
    TreeBurial,
    /// <summary>花坛葬.</summary>
    FlowerBurial,
    /// <summary>草坪葬.</summary>
    LawnBurial,
    /// <summary>海撒.</summary>
    SeaScattering,
    /// <summary>殡仪馆寄存.</summary>
    FuneralHomeStorage,
    /// <summary>家属带回（须签骨灰去向承诺书）.</summary>
    TakenHome,
}

/// <summary>Why a step is refused. Every reason that applies is listed at once.</summary>
public enum CustodyRefusal
{
    /// <summary>The step does not follow from the record's state (e.g. cremating a body that has not arrived).</summary>
    WrongState,
    /// <summary>The death certificate is no longer active (revoked after pickup): the loop is frozen.</summary>
    Frozen,
    CertificateNotActive,
    ConsentMissing,
    /// <summary>The person in charge's ID number fails its checksum or is not a citizen ID.</summary>
    ConsentIdInvalid,
    /// <summary>The person in charge gave the deceased's own ID number, or signed before the death.</summary>
    ConsentInconsistent,
    AlreadyCremated,
    CremationCertificateAlreadyIssued,
    CremationCertificateNotIssued,
    CremationCertificateAlreadyCollected,
    CremationCertificateNotCollected,
    CremationCertificateAlreadyReissued,
    /// <summary>A reissue goes only to the person who collected the first one.</summary>
    ReissueToAnotherPerson,
    AgreementMissing,
    /// <summary>Ashes taken home need the signed 骨灰去向承诺书.</summary>
    UndertakingMissing,
    AlreadyPlaced,
}

public static class CustodyVocabulary
{
    public static string ChineseName(this CustodyState state) => state switch
    {
        CustodyState.PickedUp => "已接运",
        CustodyState.InStorage => "存放中",
        CustodyState.Cremated => "已火化",
        CustodyState.AshesReleased => "骨灰已交付",
        CustodyState.AshesStored => "骨灰寄存",
        CustodyState.Placed => "已安放（葬）",
        CustodyState.Unclaimed => "无主骨灰",
        _ => state.ToString(),
    };

    public static string EnglishName(this CustodyState state) => state switch
    {
        CustodyState.PickedUp => "Picked up",
        CustodyState.InStorage => "In storage",
        CustodyState.Cremated => "Cremated",
        CustodyState.AshesReleased => "Ashes released",
        CustodyState.AshesStored => "Ashes stored",
        CustodyState.Placed => "Placed",
        CustodyState.Unclaimed => "Unclaimed ashes",
        _ => state.ToString(),
    };

    public static string ChineseName(this CustodyStep step) => step switch
    {
        CustodyStep.PickUp => "接运",
        CustodyStep.Arrive => "到馆入库",
        CustodyStep.ExtendStorage => "延长存放",
        CustodyStep.SignConsent => "签署遗体火化确认书",
        CustodyStep.Cremate => "火化",
        CustodyStep.IssueCremationCertificate => "出具火化证明",
        CustodyStep.CollectCremationCertificate => "领取火化证明",
        CustodyStep.ReissueCremationCertificate => "补发火化证明",
        CustodyStep.RecordAshesAgreement => "签订骨灰安放（葬）协议",
        CustodyStep.ReleaseAshes => "骨灰交付",
        CustodyStep.Place => "安放（葬）",
        CustodyStep.MarkUnclaimed => "转为无主骨灰",
        CustodyStep.Freeze => "冻结",
        _ => step.ToString(),
    };

    public static string EnglishName(this CustodyStep step) => step switch
    {
        CustodyStep.PickUp => "Pickup",
        CustodyStep.Arrive => "Arrival",
        CustodyStep.ExtendStorage => "Storage extended",
        CustodyStep.SignConsent => "Cremation consent signed",
        CustodyStep.Cremate => "Cremation",
        CustodyStep.IssueCremationCertificate => "Cremation certificate issued",
        CustodyStep.CollectCremationCertificate => "Cremation certificate collected",
        CustodyStep.ReissueCremationCertificate => "Cremation certificate reissued",
        CustodyStep.RecordAshesAgreement => "Ashes placement agreement",
        CustodyStep.ReleaseAshes => "Ashes released",
        CustodyStep.Place => "Placed",
        CustodyStep.MarkUnclaimed => "Marked unclaimed",
        CustodyStep.Freeze => "Frozen",
        _ => step.ToString(),
    };

    public static string ChineseName(this AshesDestination destination) => destination switch
    {
        AshesDestination.CemeteryPlot => "公墓墓位",
        AshesDestination.ColumbariumNiche => "骨灰堂格位",
        AshesDestination.TreeBurial => "树葬",
        AshesDestination.FlowerBurial => "花坛葬",
        AshesDestination.LawnBurial => "草坪葬",
        AshesDestination.SeaScattering => "海撒",
        AshesDestination.FuneralHomeStorage => "殡仪馆寄存",
        AshesDestination.TakenHome => "家属带回",
        _ => destination.ToString(),
    };

    public static string EnglishName(this AshesDestination destination) => destination switch
    {
        AshesDestination.CemeteryPlot => "Cemetery plot",
        AshesDestination.ColumbariumNiche => "Columbarium niche",
        AshesDestination.TreeBurial => "Tree burial",
        AshesDestination.FlowerBurial => "Flower-bed burial",
        AshesDestination.LawnBurial => "Lawn burial",
        AshesDestination.SeaScattering => "Sea scattering",
        AshesDestination.FuneralHomeStorage => "Stored at the funeral home",
        AshesDestination.TakenHome => "Taken home",
        _ => destination.ToString(),
    };

    /// <summary>Destinations whose placement a cemetery or columbarium records (its burial record closes the loop).</summary>
    public static bool PlacedByInstitution(this AshesDestination destination) =>
        destination is AshesDestination.CemeteryPlot or AshesDestination.ColumbariumNiche
            or AshesDestination.TreeBurial or AshesDestination.FlowerBurial or AshesDestination.LawnBurial;
}
