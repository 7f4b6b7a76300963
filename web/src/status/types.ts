/** Shape of `GET /api/status`; mirrors the server's response schema. */
export interface EngineStatus {
  reachable: boolean;
  version: string | null;
  /** ISO timestamp of the server's last probe. */
  checkedAt: string;
  message?: string;
}

export interface DeployedProcess {
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  deployedAt: string | null;
}

export interface SystemStatus {
  engine: EngineStatus;
  processes: DeployedProcess[];
}
