using Dapper;
using Microsoft.AspNetCore.Identity;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Accounts;

/// <summary>The account store on a real database: names, password rules, hashing and the lock-out counter.</summary>
public sealed class AccountStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private AccountStore Store => new(fixture.DataSource);

    [Theory]
    [InlineData("  Jan.de-Vries_2 ", "jan.de-vries_2")]
    [InlineData("A", "a")]
    public void Names_are_trimmed_and_lower_case(string input, string expected) => Assert.Equal(expected, AccountStore.NormaliseerNaam(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("jan de vries")]
    [InlineData("jan@example")]
    [InlineData("ë")]
    public void Bad_names_are_refused_in_Dutch(string input)
    {
        var e = Assert.Throws<AccountException>(() => AccountStore.NormaliseerNaam(input));
        Assert.StartsWith("Ongeldige naam", e.Message);
        Assert.Throws<AccountException>(() => AccountStore.NormaliseerNaam(new string('a', 65)));
    }

    [Fact]
    public async Task Passwords_shorter_than_12_characters_and_unknown_roles_are_refused()
    {
        var tooShort = await Assert.ThrowsAsync<AccountException>(() => Store.CreateAsync("kortwachtwoord", Rollen.Panel, "elf-tekens!"));
        Assert.Equal("Het wachtwoord moet minstens 12 tekens lang zijn.", tooShort.Message);
        var role = await Assert.ThrowsAsync<AccountException>(() => Store.CreateAsync("rolloos", "admin", "Lang-genoeg-wachtwoord"));
        Assert.Contains("Onbekende rol 'admin'", role.Message);
        Assert.Throws<AccountException>(() => AccountStore.ControleerWachtwoord("            "));
        AccountStore.ControleerWachtwoord("twaalf-tekens");
    }

    [Fact]
    public async Task The_database_refuses_bad_rows_too()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync("INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES ('Hoofdletter', 'panel', 'x')"));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync("INSERT INTO gebruiker (naam, rol, wachtwoord_hash) VALUES ('geldig', 'koning', 'x')"));
    }

    [Fact]
    public async Task Passwords_are_stored_as_PasswordHasher_hashes_and_checked()
    {
        const string wachtwoord = "Hash-controle-wachtwoord";
        var user = await Store.CreateAsync("Hasher", Rollen.Onderzoeker, wachtwoord);
        Assert.Equal("hasher", user.Naam);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var (hash, sessie) = await connection.QuerySingleAsync<(string, string)>("SELECT wachtwoord_hash, sessie_stempel FROM gebruiker WHERE naam = 'hasher'");
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Gebruiker>().VerifyHashedPassword(user, hash!, wachtwoord));

        var ok = await Store.SignInCheckAsync(" HASHER ", wachtwoord);
        Assert.Equal((SignInStatus.Geslaagd, "hasher", Rollen.Onderzoeker), (ok.Status, ok.Naam, ok.Rol));
        Assert.Equal(AccountStore.Stempel(hash, sessie), ok.Stempel);
        Assert.True(await Store.IsCurrentAsync("hasher", Rollen.Onderzoeker, ok.Stempel!));
        Assert.False(await Store.IsCurrentAsync("hasher", Rollen.Beheerder, ok.Stempel!));
        Assert.Equal(SignInStatus.Mislukt, (await Store.SignInCheckAsync("hasher", wachtwoord.ToUpperInvariant())).Status);
        Assert.Equal(SignInStatus.Mislukt, (await Store.SignInCheckAsync("onbekend", wachtwoord)).Status);
        Assert.Equal(SignInStatus.Mislukt, (await Store.SignInCheckAsync(null, null)).Status);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count_and_the_fifth_failure_in_a_row_locks()
    {
        const string wachtwoord = "Teller-wachtwoord-55";
        await Store.CreateAsync("teller", Rollen.Panel, wachtwoord);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInStatus.Mislukt, (await Store.SignInCheckAsync("teller", "fout-fout-fout")).Status);
        }

        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT mislukte_pogingen FROM gebruiker WHERE naam = 'teller'"));
        Assert.Equal(SignInStatus.Geslaagd, (await Store.SignInCheckAsync("teller", wachtwoord)).Status);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT mislukte_pogingen FROM gebruiker WHERE naam = 'teller'"));

        for (var i = 0; i < 4; i++)
        {
            await Store.SignInCheckAsync("teller", "fout-fout-fout");
        }

        var fifth = await Store.SignInCheckAsync("teller", "fout-fout-fout");
        Assert.Equal(SignInStatus.Geblokkeerd, fifth.Status);
        Assert.InRange(fifth.GeblokkeerdTot!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        Assert.Equal(SignInStatus.Geblokkeerd, (await Store.SignInCheckAsync("teller", wachtwoord)).Status);

        await Store.ResetPasswordAsync("teller", "Nieuw-teller-wachtwoord");
        Assert.Equal(SignInStatus.Geslaagd, (await Store.SignInCheckAsync("teller", "Nieuw-teller-wachtwoord")).Status);
    }

    [Fact]
    public async Task Demo_users_are_created_only_into_an_empty_table()
    {
        var empty = new AccountStore(await fixture.CreateMigratedDatabaseAsync());
        var console = new StringWriter();
        Assert.True(await DemoGebruikers.CreateIfNoneAsync(empty, console, CancellationToken.None));
        var users = await empty.ListAsync();
        Assert.Equal(Rollen.Alle.Order(), users.Select(u => u.Rol).Order());
        Assert.All(users, u => Assert.Equal(u.Rol, u.Naam));
        Assert.False(await DemoGebruikers.CreateIfNoneAsync(empty, console, CancellationToken.None));
        Assert.Equal(3, await empty.CountAsync());
    }
}
