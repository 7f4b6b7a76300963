/** Project facts of demo applications (illustrative; see docs/department-rules.md). */
import type { Project } from '../applications/project.js';

/** A complete office tower application: every department's pre-check finds what it needs. */
export const TOWER: Project = {
  name: '阳光金融中心',
  address: '阳光市高新区创业大道 100 号',
  type: 'commercial',
  investmentWan: 68_000,
  governmentInvested: false,
  landAreaM2: 18_000,
  floorAreaM2: 96_000,
  aboveGroundAreaM2: 80_000,
  heightM: 120,
  crowdedPlace: true,
  earthworkM3: 60_000,
  geologyUnsuitable: false,
  parcel: { code: 'GX-2026-017', landUse: 'B' },
  landUseRight: { certificateNumber: '阳国用(2026)第0170号', parcelCode: 'GX-2026-017', landUse: 'B', expiresOn: '2066-06-30' },
  contractor: { name: '阳光建工集团有限公司', awardNumber: 'ZB-2026-0088' },
};

/** A factory on an industrial parcel, government-invested, on the green channel. */
export const FACTORY: Project = {
  name: '阳光新能源电池工厂',
  address: '阳光市经开区纬六路 6 号',
  type: 'industrial',
  investmentWan: 120_000,
  governmentInvested: true,
  landAreaM2: 120_000,
  floorAreaM2: 150_000,
  aboveGroundAreaM2: 140_000,
  heightM: 28,
  crowdedPlace: false,
  earthworkM3: 200_000,
  geologyUnsuitable: true,
  parcel: { code: 'JK-2026-006', landUse: 'M' },
  landUseRight: { certificateNumber: '阳国用(2026)第0060号', parcelCode: 'JK-2026-006', landUse: 'M', expiresOn: '2076-01-31' },
  contractor: { name: '阳光建工集团有限公司', awardNumber: 'ZB-2026-0102' },
};

export const SHOP = { name: '滨河路临街商铺', address: '东城区滨河街道 18 号', type: 'commercial', floorAreaM2: 320, heightM: 6 } satisfies Project;
