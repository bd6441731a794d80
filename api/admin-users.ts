/** Workspace roles: admin ⊇ analyst ⊇ viewer. */
export type Role = 'admin' | 'analyst' | 'viewer';

/** A workspace account as admins see it (no secrets). */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO instant until which sign-in is refused after repeated failures, if locked. */
  lockedUntil: string | null;
  createdAt: string;
}

/** GET /api/v1/auth/me and the answer to a sign-in. */
export interface Me {
  user: Pick<UserSummary, 'id' | 'username' | 'displayName' | 'role' | 'mustChangePassword'>;
  /** Send back as X-CSRF-Token on every POST, PUT, PATCH and DELETE. */
  csrfToken: string;
}

export interface LoginBody {
  username: string;
  password: string;
}

export interface CreateUserBody {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UpdateUserBody {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

/** An admin reset: a temporary password the user must change at next sign-in. */
export interface ResetPasswordBody {
  password: string;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The one time a token is shown in full. */
export interface NewApiToken extends ApiTokenSummary {
  token: string;
}
