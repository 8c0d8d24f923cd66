using System.Collections.Concurrent;
using System.Globalization;
using Hereafter.Web.Platform.Caching;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.Crypto.Parameters;

namespace Hereafter.Web.Platform.Signing;

/// <summary>Settings of section <c>Signing</c>.</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";
    /// <summary>Optional key file (same format as the generated ones, or a bare private-key hex line).</summary>
    public string? PrivateKeyFile { get; set; }
}

/// <summary>A private SM2 key held by this node.</summary>
public sealed record SigningKey(string KeyId, DateTimeOffset CreatedAt, ECPrivateKeyParameters PrivateKey, ECPublicKeyParameters PublicKey);

/// <summary>
/// The node's SM2 keys. Private keys live in <c>{data}/keys/sm2-{keyId}.key</c> (mode 600), or in the
/// configured <c>Signing:PrivateKeyFile</c>; the newest local key signs. Every public key is registered
/// in the shared <c>signing_keys</c> table, so any node verifies tokens of any node, and rotated keys keep
/// verifying. Public keys are cached in memory (they never change). Singleton, thread-safe.
/// </summary>
public sealed class SigningKeyStore
{
    private static readonly TimeSpan NegativeCacheTime = TimeSpan.FromSeconds(30);
    private const int NegativeCacheLimit = 10_000;

    private readonly string _keyDirectory;
    private readonly string? _configuredKeyFile;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyStore> _logger;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, ECPublicKeyParameters> _publicKeys = new(StringComparer.Ordinal);
    // Unknown key ids recently looked up in vain: forged tokens must not cost a database query each. Kept apart from the
    // known keys (which are never dropped) in a bounded LRU: made-up key ids only ever push out each other.
    private readonly BoundedLru<string, DateTimeOffset> _unknown = new(NegativeCacheLimit, StringComparer.Ordinal);
    private volatile SigningKey? _current;

    public SigningKeyStore(string keyDirectory, string? configuredKeyFile, IServiceScopeFactory scopes, TimeProvider time, ILogger<SigningKeyStore> logger)
    {
        _keyDirectory = keyDirectory;
        _configuredKeyFile = string.IsNullOrWhiteSpace(configuredKeyFile) ? null : configuredKeyFile;
        _scopes = scopes;
        _time = time;
        _logger = logger;
    }

    public string KeyDirectory => _keyDirectory;

    /// <summary>The key that signs new tokens (created on first use when the node has none).</summary>
    public async Task<SigningKey> GetSigningKeyAsync(CancellationToken ct = default)
    {
        if (_current is { } current) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is null) await LoadAsync(ct);
            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The public key with this id from this node or the shared table; null when unknown.</summary>
    public async Task<ECPublicKeyParameters?> FindPublicKeyAsync(string keyId, CancellationToken ct = default)
    {
        await GetSigningKeyAsync(ct);
        if (_publicKeys.TryGetValue(keyId, out var key)) return key;
        var now = _time.GetUtcNow();
        if (_unknown.TryGet(keyId, out var until) && until > now) return null;

        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var record = await db.Set<SigningKeyRecord>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (record is null)
        {
            _unknown.Set(keyId, now + NegativeCacheTime);
            return null;
        }
        ECPublicKeyParameters parsed;
        try
        {
            parsed = Sm2.PublicKeyFromHex(record.PublicKeyHex);
        }
        catch (FormatException)
        {
            _logger.LogError("signing_keys row {KeyId} holds an invalid public key", keyId);
            return null;
        }
        if (Sm2.KeyIdOf(parsed) != keyId)
        {
            _logger.LogError("signing_keys row {KeyId} does not match its public key", keyId);
            return null;
        }
        _unknown.Remove(keyId);
        return _publicKeys.GetOrAdd(keyId, parsed);
    }

    /// <summary>Creates a new signing key; the previous one is marked retired and keeps verifying. Returns the new key id.</summary>
    public async Task<string> RotateAsync(CancellationToken ct = default)
    {
        await GetSigningKeyAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            var previous = _current!;
            var created = await CreateKeyAsync(ct);
            using (var scope = _scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
                var now = _time.GetUtcNow().ToUniversalTime();
                await db.Set<SigningKeyRecord>().Where(k => k.KeyId == previous.KeyId && k.RetiredAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
            }
            _current = created;
            _logger.LogInformation("Rotated SM2 signing key {Previous} -> {Current}", previous.KeyId, created.KeyId);
            return created.KeyId;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var keys = new List<SigningKey>();
        if (_configuredKeyFile is not null)
        {
            keys.Add(ReadKeyFile(_configuredKeyFile) ?? throw new InvalidOperationException(
                $"Signing:PrivateKeyFile '{_configuredKeyFile}' does not hold a valid SM2 private key."));
        }
        if (Directory.Exists(_keyDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(_keyDirectory, "sm2-*.key"))
            {
                if (ReadKeyFile(file) is { } key) keys.Add(key);
                else _logger.LogWarning("Ignoring unreadable signing key file {File}", file);
            }
        }
        foreach (var key in keys)
        {
            _publicKeys[key.KeyId] = key.PublicKey;
            await RegisterAsync(key, ct);
        }
        _current = keys.Count > 0
            ? keys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).First()
            : await CreateKeyAsync(ct);
    }

    private async Task<SigningKey> CreateKeyAsync(CancellationToken ct)
    {
        var privateKey = Sm2.NewPrivateKey();
        var publicKey = Sm2.PublicKeyOf(privateKey);
        var key = new SigningKey(Sm2.KeyIdOf(publicKey), _time.GetUtcNow().ToUniversalTime(), privateKey, publicKey);

        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(_keyDirectory);
        else Directory.CreateDirectory(_keyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(_keyDirectory, $"sm2-{key.KeyId}.key");
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temp, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(
                "# Hereafter SM2 signing key (sm2p256v1). Secret: never copy, commit or share this file.\n" +
                $"key-id: {key.KeyId}\n" +
                $"created: {key.CreatedAt.ToString("O", CultureInfo.InvariantCulture)}\n" +
                $"private: {Sm2.PrivateKeyHex(privateKey)}\n");
        }
        File.Move(temp, path, overwrite: true);

        _publicKeys[key.KeyId] = publicKey;
        await RegisterAsync(key, ct);
        _logger.LogInformation("Created SM2 signing key {KeyId} in {Directory}", key.KeyId, _keyDirectory);
        return key;
    }

    /// <summary>Adds the public key to the shared table unless it is there already.</summary>
    private async Task RegisterAsync(SigningKey key, CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        if (await db.Set<SigningKeyRecord>().AnyAsync(k => k.KeyId == key.KeyId, ct)) return;
        db.Add(new SigningKeyRecord
        {
            KeyId = key.KeyId,
            PublicKeyHex = Convert.ToHexStringLower(Sm2.EncodePublicKey(key.PublicKey)),
            CreatedAt = key.CreatedAt.ToUniversalTime(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another process sharing this key folder may have registered it at the same moment.
            using var check = _scopes.CreateScope();
            var fresh = check.ServiceProvider.GetRequiredService<HereafterDbContext>();
            if (!await fresh.Set<SigningKeyRecord>().AnyAsync(k => k.KeyId == key.KeyId, ct)) throw;
        }
    }

    /// <summary>Reads <c>private:</c>/<c>created:</c> lines, or a file holding only the private key hex.</summary>
    private SigningKey? ReadKeyFile(string path)
    {
        try
        {
            string? privateHex = null;
            DateTimeOffset? created = null;
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) { privateHex ??= line; continue; }
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name == "private") privateHex = value;
                else if (name == "created") created = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }
            if (privateHex is null) return null;
            var privateKey = Sm2.PrivateKeyFromHex(privateHex);
            var publicKey = Sm2.PublicKeyOf(privateKey);
            var createdAt = (created ?? new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero)).ToUniversalTime();
            return new SigningKey(Sm2.KeyIdOf(publicKey), createdAt, privateKey, publicKey);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Cannot read signing key file {File}", path);
            return null;
        }
    }
}
