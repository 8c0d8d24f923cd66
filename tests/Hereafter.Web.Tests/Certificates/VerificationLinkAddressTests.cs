using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Certificates;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>Development without a configured public address: QR codes follow the address the request came to.</summary>
public sealed class NoPublicBaseUrlFactory : HereafterFactory
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = "" };
}

public sealed class VerificationLinkAddressTests(NoPublicBaseUrlFactory factory) : IClassFixture<NoPublicBaseUrlFactory>
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Hereafter.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static VerificationLinks Links(string environment, string? publicBaseUrl, string? requestHost)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = publicBaseUrl }).Build();
        var accessor = new HttpContextAccessor();
        if (requestHost is not null)
        {
            var http = new DefaultHttpContext();
            http.Request.Scheme = "http";
            http.Request.Host = new HostString(requestHost);
            accessor.HttpContext = http;
        }
        return new VerificationLinks(configuration, new Environment(environment), accessor);
    }

    [Fact]
    public async Task InDevelopment_TheIssuedQrAddress_IsTheHostAndPortTheRequestCameTo()
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("http://hereafter.test:8123/api/v1/certificates", People.HospitalDeath(People.Next()),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.JsonAsync()).GetProperty("verificationUrl").GetString()!;
        Assert.StartsWith("http://hereafter.test:8123/verify/", url);
    }

    [Fact]
    public void InProduction_TheConfiguredAddressIsUsed_WhateverHostTheRequestNamed() =>
        Assert.StartsWith("https://hereafter.example.gov.cn/verify/", Links("Production", "https://hereafter.example.gov.cn/", "evil.example:666").For("t"));

    [Fact]
    public void InDevelopment_AConfiguredAddressWins() =>
        Assert.Equal("https://public.example/verify/t", Links("Development", "https://public.example", "localhost:7001").For("t"));

    [Fact]
    public void InDevelopment_WithoutARequest_TheDotnetRunAddressIsUsed() =>
        Assert.Equal($"{VerificationLinks.DevelopmentFallback}/verify/t", Links("Development", null, null).For("t"));

    [Fact]
    public void InProduction_WithoutAnAddress_NothingIsPrinted() =>
        Assert.Throws<InvalidOperationException>(() => Links("Production", null, "localhost:7001").For("t"));
}
