/**
 * The facts of the project an application is about (项目基本信息): what the applicant
 * declares on the form and what the department pre-checks (workers/<department>/) reason
 * about. Every fact is optional here; a pre-check that needs a missing fact asks for it.
 */
import { z } from 'zod';

/** 项目类型 / project type */
export const PROJECT_TYPES = ['residential', 'commercial', 'industrial', 'public', 'infrastructure'] as const;

/**
 * 用地性质（国土空间用地分类，简化）/ land-use class, simplified from the national scheme:
 * R residential 居住, B commercial 商业服务, M industrial 工业, A public services 公共管理与服务,
 * S transport 交通, U utilities 公用设施, G green space 绿地.
 */
export const LAND_USE_CLASSES = ['R', 'B', 'M', 'A', 'S', 'U', 'G'] as const;

const area = z.number().positive().max(1e8);

export const projectSchema = z.object({
  name: z.string().trim().min(1).max(200).describe('项目名称 / project name'),
  address: z.string().trim().max(300).optional().describe('项目地址 / address'),
  type: z.enum(PROJECT_TYPES).optional().describe('项目类型 / project type'),
  /** 总投资（万元）/ total investment in units of 10 000 yuan */
  investmentWan: z.number().min(0).max(1e9).optional(),
  /** 政府投资 / financed by the government (approval instead of endorsement or filing) */
  governmentInvested: z.boolean().optional(),
  /** 用地面积（平方米）/ land area in m² */
  landAreaM2: area.optional(),
  /** 总建筑面积（平方米）/ total floor area in m² */
  floorAreaM2: area.optional(),
  /** 地上建筑面积（平方米）/ floor area above ground in m² */
  aboveGroundAreaM2: area.optional(),
  /** 建筑高度（米）/ building height in m */
  heightM: z.number().positive().max(1000).optional(),
  /** 人员密集场所 / a crowded place (cinema, mall, school …) */
  crowdedPlace: z.boolean().optional(),
  /** 挖填土石方总量（立方米）/ earthwork in m³ */
  earthworkM3: z.number().min(0).max(1e9).optional(),
  /** 地质条件不宜修建防空地下室 / geology unsuitable for a basement shelter */
  geologyUnsuitable: z.boolean().optional(),
  /** 地块 / the parcel as zoned by the plan */
  parcel: z.object({ code: z.string().trim().min(1).max(60), landUse: z.enum(LAND_USE_CLASSES) }).optional(),
  /** 土地使用权 / the land-use right the applicant holds */
  landUseRight: z
    .object({
      certificateNumber: z.string().trim().min(1).max(60),
      parcelCode: z.string().trim().min(1).max(60),
      landUse: z.enum(LAND_USE_CLASSES),
      /** 终止日期 / date the right ends */
      expiresOn: z.iso.date(),
    })
    .optional(),
  /** 施工单位 / the contractor, chosen by tender where the law requires one */
  contractor: z
    .object({
      name: z.string().trim().min(1).max(200),
      /** 中标通知书编号 / number of the award notice */
      awardNumber: z.string().trim().min(1).max(60).optional(),
    })
    .optional(),
});

export type Project = z.output<typeof projectSchema>;
