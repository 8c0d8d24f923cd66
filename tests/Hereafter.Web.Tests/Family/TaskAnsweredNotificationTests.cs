using System.Collections.Concurrent;
using Hereafter.Web.Modules.Family;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Family.Features.ApplyForTasks;
using Hereafter.Web.Modules.Family.Features.NotifyTaskAnswered;
using Hereafter.Web.Modules.Family.Features.ReadNotifications;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>A department's answer reaches the citizens who applied: an in-app notification, once, and an SMS after commit.</summary>
public sealed class TaskAnsweredNotificationTests(TaskAnsweredNotificationTests.SmsFactory factory) : IClassFixture<TaskAnsweredNotificationTests.SmsFactory>
{
    [Fact]
    public async Task TaskAnswered_NotifiesTheApplicantOnce_EvenWhenRedelivered_AndSendsOneSms()
    {
        var (caseId, applicant) = await factory.AdmittedCaseAsync();
        var bystander = FamilyApplyTestSupport.NewCitizen();
        await factory.AdmitAsync(bystander, caseId);
        var created = await factory.WithAsync<ApplyForTasksHandler, ApplicationCreated>(h => h.HandleAsync(applicant, caseId,
            new ApplicationRequest(["driving-licence"], null, null, null), CancellationToken.None));
        var task = created.Tasks.Single();

        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(), Type = CaseTaskAnswered.EventType, OccurredAt = DateTimeOffset.UtcNow,
            PayloadJson = System.Text.Json.JsonSerializer.Serialize(
                new CaseTaskAnswered(caseId, task.TaskId, CaseTaskItem.DrivingLicence, Department.TrafficPolice, "贵阳市公安交通管理局", CaseTaskStatus.Done, DateTimeOffset.UtcNow),
                Hereafter.Web.Platform.Json.PlatformJson.WithNulls),
        };
        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var handler = scope.ServiceProvider.GetServices<IIntegrationEventHandler>().OfType<NotifyTaskAnsweredHandler>().Single();
            await handler.HandleAsync(message, CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await factory.WaitUntilQuietAsync();

        var mine = await factory.WithAsync<ReadNotificationsHandler, IReadOnlyList<NotificationDto>>(h => h.HandleAsync(applicant, CancellationToken.None));
        var notice = Assert.Single(mine);
        Assert.Equal(caseId, notice.CaseId);
        Assert.Equal("family.notification.task-done", notice.Code);
        Assert.Equal("贵阳市公安交通管理局已办结您申请的「驾驶证注销」，请在平台查看办理结果。", notice.Text);
        Assert.Empty(await factory.WithAsync<ReadNotificationsHandler, IReadOnlyList<NotificationDto>>(h => h.HandleAsync(bystander, CancellationToken.None)));
        Assert.Single(factory.Sms, s => s.Phone == applicant.Phone && s.Text == notice.Text);
    }

    /// <summary>Records the SMS instead of writing them to the log.</summary>
    public sealed class SmsFactory : HereafterFactory
    {
        public ConcurrentBag<(string Phone, string Text)> Sms { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ISmsSender>(new RecordingSms(Sms)));
        }

        private sealed class RecordingSms(ConcurrentBag<(string, string)> sent) : ISmsSender
        {
            public Task SendAsync(string phone, string text, CancellationToken ct)
            {
                sent.Add((phone, text));
                return Task.CompletedTask;
            }
        }
    }
}
