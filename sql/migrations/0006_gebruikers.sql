-- Logins of the web host: one row per user with one role. Passwords only as ASP.NET Core
-- PasswordHasher hashes (PBKDF2); failed attempts and the lock-out are kept here so they hold across
-- restarts and processes.

CREATE TABLE gebruiker (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    naam              text NOT NULL UNIQUE
                      CHECK (naam ~ '^[a-z0-9._-]{1,64}$'),
    rol               text NOT NULL
                      CHECK (rol IN ('onderzoeker', 'panel', 'beheerder')),
    wachtwoord_hash   text NOT NULL,
    mislukte_pogingen int NOT NULL DEFAULT 0 CHECK (mislukte_pogingen >= 0),
    geblokkeerd_tot   timestamptz NULL,
    aangemaakt_op     timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE gebruiker IS 'Gebruikers van de webpagina''s: naam (kleine letters), rol en wachtwoord-hash; nooit het wachtwoord zelf.';
COMMENT ON COLUMN gebruiker.mislukte_pogingen IS 'Mislukte inlogpogingen sinds de laatste geslaagde of de laatste blokkade.';
COMMENT ON COLUMN gebruiker.geblokkeerd_tot IS 'Na 5 mislukte pogingen: tot dit moment kan niemand op dit account inloggen.';
