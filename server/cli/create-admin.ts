import { eq } from 'drizzle-orm';
import { CLI_ACTOR } from '#server/auth/actor.js';
import { passwordProblem } from '#server/auth/passwords.js';
import { createUser, resetPassword, USERNAME } from '#server/auth/users.js';
import { ConfigError, loadConfig } from '#server/config.js';
import { openDatabase } from '#server/db/client.js';
import { users } from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { readPipedLines, readSecret } from './read-secret.js';

const USAGE = `Usage: npm run create-admin -- <username> [--name "Display name"] [--reset]

Creates a workspace administrator (there is no default account). The password is asked for twice
on a terminal, or read from the first two lines of standard input:
  printf '%s\\n%s\\n' "$PW" "$PW" | npm run create-admin -- alice
--reset sets a new password for an existing account instead (for an admin who is locked out).`;

interface Args {
  username: string;
  name?: string;
  reset: boolean;
}

function parse(argv: string[]): Args | null {
  const args: Partial<Args> = { reset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--reset') args.reset = true;
    else if (a === '--name') args.name = argv[++i];
    else if (a.startsWith('-')) return null;
    else args.username = a.toLowerCase();
  }
  return args.username ? (args as Args) : null;
}

async function passwords(): Promise<[string, string]> {
  if (process.stdin.isTTY) return [await readSecret('Password: '), await readSecret('Repeat it: ')];
  const [a = '', b = ''] = await readPipedLines();
  return [a, b];
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (!args || !USERNAME.test(args.username)) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  const [pw, again] = await passwords();
  if (pw !== again) {
    console.error('The two passwords differ. Nothing was changed; run the command again.');
    return 1;
  }
  const problem = passwordProblem(pw, args.username);
  if (problem) {
    console.error(`${problem.en} (${problem.vi}). Nothing was changed.`);
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dbDir },
  );
  try {
    await database.migrate();
    const [existing] = await database.db.select().from(users).where(eq(users.username, args.username));
    if (existing && !args.reset) {
      console.error(
        `An account "${args.username}" already exists. Use --reset to set a new password for it.`,
      );
      return 1;
    }
    if (existing) {
      await resetPassword(database.db, CLI_ACTOR, existing.id, pw);
      console.log(`New password set for "${args.username}" (it must be changed at the next sign-in).`);
    } else {
      await createUser(database.db, CLI_ACTOR, {
        username: args.username,
        displayName: args.name ?? args.username,
        role: 'admin',
        password: pw,
      });
      console.log(`Administrator "${args.username}" created. Sign in at /admin.`);
    }
    return 0;
  } catch (err) {
    if (err instanceof HttpError) {
      console.error(`${err.messages.en} (${err.messages.vi})`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(
      err instanceof ConfigError
        ? `Configuration error: ${err.message}`
        : `create-admin failed: ${err.message}`,
    );
    process.exit(1);
  },
);
