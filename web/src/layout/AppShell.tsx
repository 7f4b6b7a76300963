import { Layout, Menu, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, routes, useCurrentRoute } from '../routes.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const route = useCurrentRoute();
  const { token } = theme.useToken();
  const { Page } = route;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token.marginLG,
          paddingInline: token.paddingLG,
        }}
      >
        <Typography.Title level={4} style={{ color: token.colorWhite, margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <LanguageSwitch />
      </Header>
      <Layout>
        {/* A side menu, not a header one, because the planned pages would not fit across the top. */}
        <Sider width={200} breakpoint="md" collapsedWidth={0} style={{ background: token.colorBgContainer }}>
          <Menu
            mode="inline"
            selectedKeys={[route.path]}
            style={{ height: '100%', borderInlineEnd: 0 }}
            items={routes.map((r) => ({ key: r.path, icon: r.icon, label: t(`nav.${r.navKey}`) }))}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Content style={{ padding: token.paddingLG }}>
          <Page />
        </Content>
      </Layout>
    </Layout>
  );
}
