# Puts the Node.js release named in .node-version first on PATH, installing it from the npm
# registry (the node-<platform>-<arch> package ships the binary and its headers) into
# ./.node/ when the machine's own node is older. Source it: `. scripts/use-node.sh`.
# Native addons (better-sqlite3) must build against the headers of the Node that loads them,
# so npm_config_nodedir points at the installed release's own include/ folder.

attest_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
attest_want="$(tr -d '[:space:]' <"$attest_root/.node-version")"
attest_have="$(node --version 2>/dev/null || true)"

if [ "$attest_have" != "v$attest_want" ]; then
  case "$(uname -s)" in
    Linux) attest_os=linux ;;
    Darwin) attest_os=darwin ;;
    *) echo "use-node: no Node.js package for $(uname -s); install Node $attest_want yourself" >&2 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) attest_arch=x64 ;;
    aarch64 | arm64) attest_arch=arm64 ;;
    *) attest_arch="$(uname -m)" ;;
  esac
  attest_pkg="node-$attest_os-$attest_arch"
  attest_home="$attest_root/.node/$attest_want"
  attest_bin="$attest_home/node_modules/$attest_pkg/bin"
  if [ ! -x "$attest_bin/node" ]; then
    echo "use-node: installing Node $attest_want ($attest_pkg) into .node/" >&2
    mkdir -p "$attest_home"
    (cd "$attest_home" && printf '{"private":true}\n' >package.json &&
      npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
        "$attest_pkg@$attest_want" >&2)
  fi
  export PATH="$attest_bin:$PATH"
  export npm_config_nodedir="$attest_home/node_modules/$attest_pkg"
fi
echo "use-node: $(command -v node) $(node --version)" >&2
unset attest_root attest_want attest_have attest_os attest_arch attest_pkg attest_home attest_bin
